from django.http import HttpRequest
from django.urls import reverse


def test_anonymous_user_is_sent_to_the_login_page(client, db):
    response = client.get(reverse("cases:my-work"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_staff_member_signs_in_and_sees_their_centre(client, db):
    response = client.post(
        reverse("portal:login"), {"username": "curator", "password": "marshrut-demo"}, follow=True
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Рева Наталья Сергеевна" in body
    assert "ГКУ «ЦЗН города Набережные Челны»" in body
    assert "Ведущий инспектор" in body
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_wrong_password_gets_a_russian_message_and_keeps_the_username(client, db):
    response = client.post(reverse("portal:login"), {"username": "curator", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Неверное имя пользователя или пароль" in body
    assert 'value="curator"' in body
    assert "wrong" not in body


def test_staff_without_editor_rights_cannot_enter_the_wagtail_admin(client, db):
    client.login(request=HttpRequest(), username="curator", password="marshrut-demo")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_enters_the_wagtail_admin(client, db):
    client.login(request=HttpRequest(), username="editor", password="marshrut-demo")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/content/servicepage/").status_code in (404, 302)
    assert client.get("/admin/snippets/content/role/").status_code == 200
