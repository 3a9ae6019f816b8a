"""Uploads through the admin: the classic bad files are refused with a message and
change nothing; good images are re-encoded without their metadata. The records are
drafts: an editor's upload to a published page waits as a revision (test_revisions.py)."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image
from pypdf import PdfWriter

from consultations.models import Document
from core.uploads import clean_image
from projects.models import ProjectImage
from tests import factories

ADD_IMAGE = reverse("admin:projects_projectimage_add")


def image_bytes(fmt="PNG", size=(60, 40), color="green", **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def pdf_bytes():
    """A real one-page PDF, as pypdf writes it."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def huge_png(width=20_000, height=20_000):
    """A valid 1-bit PNG of width × height pixels, a few kilobytes once compressed."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    data = b"".join(compressor.compress(row) for _ in range(height))
    data += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


def photo_with_gps_and_rotation():
    """A phone photo: GPS position in its EXIF, taken sideways (orientation 6)."""
    image = Image.new("RGB", (80, 40), "blue")
    exif = image.getexif()
    exif[ExifTags.Base.Orientation] = 6
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (34.0, 15.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 34.0, 50.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def truncated_jpeg():
    # Noise compresses badly, so cutting the file loses most of the scan data.
    noise = Image.frombytes("RGB", (200, 200), bytes(range(256)) * 468 + b"\x00" * 192)
    buffer = io.BytesIO()
    noise.save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def noise_png(size_bytes):
    side = int((size_bytes / 3) ** 0.5) + 1
    noise = Image.frombytes("RGB", (side, side), _pseudo_random(side * side * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG", compress_level=0)
    return buffer.getvalue()


def _pseudo_random(length):
    # Deterministic bytes that PNG cannot compress (no os.urandom: reproducible).
    out = bytearray()
    seed = 1
    while len(out) < length:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out += seed.to_bytes(4, "little")
    return bytes(out[:length])


def post_image(client, file, project):
    return client.post(
        ADD_IMAGE,
        {
            "project": project.pk,
            "alt_text_ar": "صورة من المشروع",
            "order": "0",
            "image": file,
        },
    )


BAD_IMAGES = {
    "text_renamed_jpg": lambda: upload("photo.jpg", b"Bonjour, ceci est du texte.\n"),
    "svg_with_script": lambda: upload(
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "image/svg+xml",
    ),
    "decompression_bomb_png": lambda: upload("bomb.png", huge_png(), "image/png"),
    "truncated_jpeg": lambda: upload("cut.jpg", truncated_jpeg(), "image/jpeg"),
    "pdf_named_jpg": lambda: upload("scan.jpg", b"%PDF-1.4\n1 0 obj\n<<>>\n%%EOF\n"),
    "gif": lambda: upload("anim.gif", image_bytes("GIF"), "image/gif"),
}


@pytest.mark.parametrize("bad", BAD_IMAGES, ids=str)
def test_bad_image_is_refused_with_a_message_and_nothing_is_stored(client, editor, bad):
    project = factories.ProjectFactory(publication_status="draft")
    client.force_login(editor)
    response = post_image(client, BAD_IMAGES[bad](), project)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "image" in errors
    assert errors["image"][0] in response.content.decode()
    assert not ProjectImage.objects.exists()


def test_decompression_bomb_is_named_as_such(client, editor):
    client.force_login(editor)
    response = post_image(
        client,
        upload("bomb.png", huge_png()),
        factories.ProjectFactory(publication_status="draft"),
    )
    error = response.context["adminform"].form.errors["image"][0]
    assert str(settings.UPLOAD_MAX_IMAGE_PIXELS // 1_000_000) in error


def test_image_over_the_size_limit_is_refused(client, editor, settings):
    settings.UPLOAD_MAX_IMAGE_MB = 1
    content = noise_png(1_300_000)
    assert len(content) > 1024 * 1024
    client.force_login(editor)
    response = post_image(
        client,
        upload("big.png", content, "image/png"),
        factories.ProjectFactory(publication_status="draft"),
    )
    assert "image" in response.context["adminform"].form.errors
    assert not ProjectImage.objects.exists()


def test_photo_is_stored_without_gps_and_turned_upright(client, editor):
    original = photo_with_gps_and_rotation()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    client.force_login(editor)
    response = post_image(
        client,
        upload("phone.jpg", original, "image/jpeg"),
        factories.ProjectFactory(publication_status="draft"),
    )
    assert response.status_code == 302
    stored = ProjectImage.objects.get().image
    content = Path(stored.path).read_bytes()
    assert b"Exif" not in content
    with Image.open(stored.path) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert image.size == (40, 80)  # orientation 6: the camera was held sideways


def test_png_named_jpg_is_kept_as_png_under_a_png_name(client, editor):
    client.force_login(editor)
    post_image(
        client,
        upload("misnamed.jpg", image_bytes("PNG")),
        factories.ProjectFactory(publication_status="draft"),
    )
    stored = ProjectImage.objects.get().image
    assert stored.name.endswith(".png")
    with Image.open(stored.path) as image:
        assert image.format == "PNG"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_three_formats_are_accepted_and_get_thumbnails(client, editor, fmt):
    client.force_login(editor)
    response = post_image(
        client,
        upload(f"ok.{fmt.lower()}", image_bytes(fmt)),
        factories.ProjectFactory(publication_status="draft"),
    )
    assert response.status_code == 302
    stored = ProjectImage.objects.get().image
    thumbnail = stored["gallery"]
    assert Path(thumbnail.path).exists()
    assert thumbnail.width <= 320


def test_rejected_file_leaves_the_record_as_it_was(client, editor):
    project = factories.ProjectFactory(publication_status="draft")
    client.force_login(editor)
    post_image(client, upload("first.png", image_bytes("PNG")), project)
    record = ProjectImage.objects.get()
    name_before = record.image.name
    url = reverse("admin:projects_projectimage_change", args=[record.pk])
    response = client.post(
        url,
        {
            "project": project.pk,
            "alt_text_ar": "وصف جديد",
            "order": "0",
            "image": upload("evil.jpg", b"<script>alert(1)</script>"),
        },
    )
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.image.name == name_before
    assert record.alt_text_ar == "صورة من المشروع"


def test_clean_image_refuses_more_pixels_than_the_setting(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(ValidationError) as error:
        clean_image(upload("wide.png", image_bytes("PNG", size=(100, 20))))
    assert error.value.code == "too_many_pixels"


ADD_DOCUMENT = reverse("admin:consultations_document_add")


def post_document(client, file, meeting):
    return client.post(
        ADD_DOCUMENT,
        {"meeting": meeting.pk, "title_ar": "محضر", "kind": "minutes", "file": file},
    )


@pytest.mark.parametrize(
    "content",
    [
        image_bytes("JPEG"),
        b"<html><script>alert(1)</script></html>",
        b"PK\x03\x04 a zip file",
        b"%PDF-1.7\n<html><script>alert(1)</script></html>",
        b"%PDF-1.7\n%%EOF\n",
    ],
    ids=["jpeg", "html", "zip", "html_after_pdf_signature", "pdf_without_pages"],
)
def test_document_that_is_not_a_pdf_is_refused(client, editor, content):
    client.force_login(editor)
    response = post_document(
        client,
        upload("minutes.pdf", content, "application/pdf"),
        factories.MeetingFactory(publication_status="draft"),
    )
    assert "file" in response.context["adminform"].form.errors
    assert not Document.objects.exists()


def test_pdf_is_stored_outside_the_public_media_folder(client, editor):
    client.force_login(editor)
    response = post_document(
        client,
        upload("minutes.html", pdf_bytes(), "text/html"),
        factories.MeetingFactory(publication_status="draft"),
    )
    assert response.status_code == 302
    stored = Document.objects.get().file
    assert stored.name.endswith(".pdf")
    path = Path(stored.path).resolve()
    assert path.is_relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_pdf_over_the_size_limit_is_refused(client, editor, settings):
    settings.UPLOAD_MAX_DOCUMENT_MB = 1
    client.force_login(editor)
    content = b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1)
    response = post_document(
        client,
        upload("big.pdf", content, "application/pdf"),
        factories.MeetingFactory(publication_status="draft"),
    )
    assert "file" in response.context["adminform"].form.errors
