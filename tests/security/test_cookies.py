"""No cookie carries personal data: messages that name a citizen stay on the server."""

from django.urls import reverse

from cases.models import Appointment


def test_a_message_naming_a_citizen_is_not_put_in_a_cookie(client, users):
    appointment = Appointment.objects.filter(centre=users["reception"].centre).first()
    client.force_login(users["reception"])
    url = reverse("cases:appointment-status", args=[appointment.pk])
    response = client.post(url, {"status": "attended"})
    assert response.status_code == 302
    assert "messages" not in response.cookies
    for morsel in response.cookies.values():
        assert appointment.name.split()[0] not in morsel.value
    # The message is still shown, once, on the next page.
    page = client.get(response["Location"])
    assert f"{appointment.name}: " in page.content.decode()
