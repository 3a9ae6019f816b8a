import pytest


@pytest.mark.django_db
def test_login_attempts_section_is_not_confused_with_the_programs_axes(
    client, superuser
):
    client.force_login(superuser)

    page = client.get("/admin/").content.decode()

    assert "محاولات الدخول" in page
    assert ">Axes<" not in page
