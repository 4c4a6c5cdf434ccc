"""The list of documents is kept per collection revision and follows writes made through another store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from curriculum.store import CurriculumStore, make_client
from tests.curriculum.test_index_cache import DIM, TEXTS, _put


class MetadataCountingStore(CurriculumStore):
    """The real store, counting the chunk metadata it reads to list documents."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read = 0

    def _metadatas(self, collection: Any) -> Any:
        for meta in super()._metadatas(collection):
            self.read += 1
            yield meta


def test_documents_are_read_again_only_after_a_change_made_by_another_process(tmp_path: Path) -> None:
    client = make_client(tmp_path / "chroma")
    reader, writer = MetadataCountingStore(client, "fake", DIM), CurriculumStore(client, "fake", DIM)
    for source, texts in TEXTS.items():
        _put(writer, source, texts)
    assert [(d.source, d.chunks) for d in reader.documents("tst")] == [("happed.md", 2), ("rabad.md", 2),
                                                                       ("vesi.md", 2)]
    read = reader.read
    assert [d.source for d in reader.documents("tst")] == ["happed.md", "rabad.md", "vesi.md"]
    assert reader.read == read  # unchanged revision: nothing read again

    _put(writer, "vesi.md", ["Vesi keeb.", "Jää sulab.", "Aur tõuseb."])
    writer.delete_document("tst", "happed.md")
    assert [(d.source, d.chunks) for d in reader.documents("tst")] == [("rabad.md", 2), ("vesi.md", 3)]


def test_a_dropped_and_remade_locale_is_not_served_from_the_old_list(tmp_path: Path) -> None:
    client = make_client(tmp_path / "chroma")
    reader, writer = CurriculumStore(client, "fake", DIM), CurriculumStore(client, "fake", DIM)
    _put(writer, "rabad.md", TEXTS["rabad.md"])
    assert [d.source for d in reader.documents("tst")] == ["rabad.md"]
    writer.drop_locale("tst")
    assert reader.documents("tst") == []
    _put(writer, "vesi.md", TEXTS["vesi.md"])  # the new collection's revision is again 1
    assert [d.source for d in reader.documents("tst")] == ["vesi.md"]
