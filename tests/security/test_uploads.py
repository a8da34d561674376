"""Uploads: the Wagtail admin's documents and images are the only upload paths; both are
limited in type and size and refused with a Russian message. Bodies too large get the 400 page."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images.models import Image as WagtailImage


def editor(users):
    client = Client()
    client.force_login(users["editor"])
    return client


def png(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def errors_of(response):
    """The file field's messages, as the form shows them next to the field."""
    return " ".join(response.context["form"].errors["file"])


def test_upload_limits_are_set_deliberately():
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"html", "htm", "svg", "js", "exe"} & set(settings.WAGTAILDOCS_EXTENSIONS)


@pytest.mark.parametrize("name", ["page.html", "run.exe", "picture.svg"])
def test_a_document_of_a_forbidden_type_is_refused(users, name):
    before = Document.objects.count()
    file = SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="text/html")
    response = editor(users).post("/admin/documents/add/", {"title": "x", "file": file})
    assert response.status_code == 200
    assert "не поддерживается. Разрешенные расширения" in errors_of(response)
    assert Document.objects.count() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
def test_a_document_too_large_is_refused_in_russian(users):
    before = Document.objects.count()
    file = SimpleUploadedFile("report.pdf", b"%PDF-1.4" + b"0" * 2000)
    response = editor(users).post("/admin/documents/add/", {"title": "x", "file": file})
    assert response.status_code == 200
    assert "Файл слишком большой" in errors_of(response)
    assert Document.objects.count() == before


def test_an_svg_image_is_refused(users):
    before = WagtailImage.objects.count()
    file = SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml")
    response = editor(users).post("/admin/images/add/", {"title": "x", "file": file})
    assert response.status_code == 200
    assert "Не поддерживаемый формат изображения" in errors_of(response)
    assert WagtailImage.objects.count() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_an_image_too_large_is_refused_in_russian(users):
    before = WagtailImage.objects.count()
    file = SimpleUploadedFile("photo.png", png((64, 64)), content_type="image/png")
    response = editor(users).post("/admin/images/add/", {"title": "x", "file": file})
    assert response.status_code == 200
    assert "Файл слишком большой" in errors_of(response)
    assert WagtailImage.objects.count() == before


def test_a_body_too_large_gets_the_styled_russian_400_page(client, db):
    response = client.post("/zapis/", {"comment": "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Запрос не принят</h1>" in html and "css/site.css" in html
    assert "RequestDataTooBig" not in html and "Traceback" not in html


def test_too_many_fields_get_the_400_page(client, db):
    data = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post("/zapis/", data)
    assert response.status_code == 400
    assert "<h1>Запрос не принят</h1>" in response.content.decode()
