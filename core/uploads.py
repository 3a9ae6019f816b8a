"""Uploaded images and PDFs: checked by their content, never by their name.

Images are decoded in full with Pillow (which proves they are images and catches
truncated files and decompression bombs), then re-encoded so nothing of the original
file but its pixels is kept: no EXIF (a phone photo's GPS position is personal data),
no XMP, no trailing bytes. PDFs are parsed with pypdf and must have at least one
page: a file that only starts like a PDF (`%PDF-` and then HTML) is refused.
"""

import io
import warnings
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.fields import ThumbnailerImageField
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader

# Pillow format → (file extension, content type, save options).
IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 85, "optimize": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 85}),
}
MEGABYTE = 1024 * 1024


def max_image_bytes():
    return settings.UPLOAD_MAX_IMAGE_MB * MEGABYTE


def max_document_bytes():
    return settings.UPLOAD_MAX_DOCUMENT_MB * MEGABYTE


def _check_size(file, limit_bytes):
    if file.size is not None and file.size > limit_bytes:
        raise ValidationError(
            _("The file is too large: the limit is %(limit)s MB."),
            code="too_large",
            params={"limit": limit_bytes // MEGABYTE},
        )


def _not_an_image():
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP image, or it is damaged."),
        code="invalid_image",
    )


def _too_many_pixels():
    return ValidationError(
        _("The image has too many pixels: the limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"limit": settings.UPLOAD_MAX_IMAGE_PIXELS // 1_000_000},
    )


def _open_checked(file):
    """Open the image, refusing unknown formats and bombs before decoding any pixel."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=list(IMAGE_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _not_an_image() from None
    if image.width * image.height > settings.UPLOAD_MAX_IMAGE_PIXELS:
        raise _too_many_pixels()
    return image


def clean_image(file):
    """Check an uploaded image and return a re-encoded copy without metadata."""
    _check_size(file, max_image_bytes())
    image = _open_checked(file)
    try:
        image.verify()
        # verify() leaves the image unusable; decode it again, in full this time.
        image = _open_checked(file)
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _not_an_image() from None
    image_format = image.format
    extension, content_type, options = IMAGE_FORMATS[image_format]

    # Turn the pixels the way the camera's orientation tag says, then drop the tag.
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    image.info = {}

    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    name = f"{PurePath(file.name or 'image').stem or 'image'}.{extension}"
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def clean_pdf(file):
    """Check an uploaded document is a PDF by its content; name it .pdf."""
    _check_size(file, max_document_bytes())
    file.seek(0)
    try:
        has_pages = len(PdfReader(file).pages) > 0
    # pypdf raises its own errors, and Python's, on whatever a damaged or hostile
    # file makes it meet; any of them means the file is not a PDF we can publish.
    except Exception:
        has_pages = False
    if not has_pages:
        raise ValidationError(
            _("This file is not a PDF document."), code="invalid_document"
        )
    file.seek(0)
    file.name = f"{PurePath(file.name or 'document').stem or 'document'}.pdf"
    file.content_type = "application/pdf"
    return file


class SafeImageFormField(forms.FileField):
    """Replaces Django's image form field, whose Pillow check is a subset of ours."""

    widget = forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp"}
    )

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        return clean_image(file)


class PDFFormField(forms.FileField):
    widget = forms.ClearableFileInput(attrs={"accept": "application/pdf"})

    def to_python(self, data):
        file = super().to_python(data)
        if file is None:
            return None
        return clean_pdf(file)


class SafeImageField(ThumbnailerImageField):
    """An image stored only after `clean_image`, with easy_thumbnails' aliases."""

    def formfield(self, **kwargs):
        return models.FileField.formfield(
            self, **{"form_class": SafeImageFormField, **kwargs}
        )


def document_storage():
    """Where meeting documents are stored: never a folder the web server serves."""
    if default_storage.__class__.__name__ == "FileSystemStorage":
        return FileSystemStorage(location=settings.DOCUMENTS_ROOT, base_url=None)
    # Object storage (production on S3) is private and signs each address it gives.
    return default_storage


class ProtectedFieldFile(FieldFile):
    """Its address is the model's own view, which checks who asks (never storage)."""

    @property
    def url(self):
        self._require_file()
        return self.instance.get_absolute_url()


class PDFField(models.FileField):
    attr_class = ProtectedFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", document_storage)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PDFFormField, **kwargs})
