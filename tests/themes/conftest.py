from tests.cases.conftest import case_at, new_case, situation, users  # noqa: F401
