import io

import pytest


@pytest.fixture
def demo(db):
    """The geography, partnership and registers demos, as `saferplace demo` loads them."""
    from saferplace.geography import demo as geography_demo
    from saferplace.partnership import demo as partnership_demo
    from saferplace.registers import demo as registers_demo

    out = io.StringIO()
    geography_demo.load(out)
    partnership_demo.load(out)
    registers_demo.load(out)
    return out.getvalue()
