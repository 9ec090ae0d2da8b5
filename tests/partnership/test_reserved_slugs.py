import pytest
from django.core.exceptions import ValidationError

from saferplace.partnership import urls
from saferplace.partnership.models import RESERVED_SLUGS, Partnership


@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_a_partnership_cannot_take_the_address_of_another_page(db, slug):
    # The address really starts pages across partnerships ...
    assert any(str(p.pattern).startswith(f"{slug}/") for p in urls.urlpatterns)
    # ... so a partnership with that slug is refused, with a message saying why.
    with pytest.raises(ValidationError, match="address of another page"):
        Partnership(name="Test", slug=slug).full_clean()
