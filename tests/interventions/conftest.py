from tests.funding.conftest import load_seed, seed, seed_round  # noqa: F401  (shared seed fixtures)
