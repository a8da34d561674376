"""The case tests' fixtures (demo users, cases walked along the route) for the security tests."""

from tests.cases.conftest import case_at, new_case, situation, users  # noqa: F401
