import pytest
from django.core.exceptions import ValidationError

from portal.models import Centre, User


def test_user_names_are_written_the_russian_way():
    user = User(username="x", last_name="Рева", first_name="Наталья", patronymic="Сергеевна")
    assert user.get_full_name() == "Рева Наталья Сергеевна"
    assert user.get_short_name() == "Рева Н. С."


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("working_days", "1289", "Укажите рабочие дни"),
        ("timezone", "Mars/Olympus", "Неизвестный часовой пояс"),
    ],
)
def test_centre_validation_messages_are_in_russian(db, field, value, message):
    centre = Centre.objects.get(slug="nchelny")
    setattr(centre, field, value)
    with pytest.raises(ValidationError) as exc:
        centre.full_clean()
    assert message in str(exc.value.message_dict[field])


def test_centre_closing_time_must_follow_opening_time(db):
    centre = Centre.objects.get(slug="nchelny")
    centre.closes_at = centre.opens_at
    with pytest.raises(ValidationError) as exc:
        centre.full_clean()
    assert "closes_at" in exc.value.message_dict
