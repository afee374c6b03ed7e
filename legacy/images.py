"""Images of old HTML articles into the Wagtail library — reused by content, removable on failure."""

from __future__ import annotations

import hashlib
import logging

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model

from legacy.document import Image

logger = logging.getLogger(__name__)


def _sha1(path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


class LibraryImporter:
    """Imports image files once (matched by content hash) and remembers what it stored.

    A file written to storage survives a database rollback, so the importer of one article
    keeps the names it stored and :meth:`discard` deletes them when the article fails.
    """

    def __init__(self, warnings: list[str]):
        self.warnings = warnings
        self.stored: list[tuple] = []  # (storage, name)

    def __call__(self, image: Image):
        model = get_image_model()
        path = image.path
        try:
            with PILImage.open(path) as probe:
                probe.verify()
            file_hash = _sha1(path)
        except (OSError, UnidentifiedImageError, PILImage.DecompressionBombError):
            self.warnings.append(f"Nie udało się odczytać zdjęcia {path.name} — dodaj je ręcznie")
            return None
        existing = model.objects.filter(file_hash=file_hash).first()
        if existing is not None:
            return existing
        title = (image.alt or image.caption or path.stem.replace("_", " ").replace("-", " "))[:255]
        library_image = model(title=title, description=image.alt[:255])
        with open(path, "rb") as handle:
            library_image.file = ImageFile(handle, name=path.name)
            library_image.save()
        self.stored.append((library_image.file.storage, library_image.file.name))
        return library_image

    def discard(self):
        """Delete the files stored so far (their database rows went with the rollback)."""
        for storage, name in self.stored:
            try:
                storage.delete(name)
            except OSError:  # pragma: no cover - nothing more we can do
                logger.warning("Could not delete %s after a failed import", name)
        self.stored.clear()
