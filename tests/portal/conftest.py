from tests.cases.conftest import users  # noqa: F401
