from tests.conftest import ALL_ROLES


def test_dashboard_panel_shows_the_round_and_the_gaps(seed, signed_in):
    for role in ALL_ROLES:
        page = signed_in(role).get("/").content.decode()
        assert "Funding and projects" in page
        assert "£96,590.00 allocated of £139,250.00 available, across 9 bids (1 deferred)" in page
        assert "3 priorities with no project or reason, 6 funded projects with no output" in page
