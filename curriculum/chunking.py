"""Split sections into retrieval chunks with LangChain's text splitter.

Chunks never cross a section boundary, so the page/heading stored with a chunk is the
page/heading its text was printed under.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from curriculum.loaders import Section


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    text: str
    page: int | None
    section: str | None
    index: int


def split_sections(
    doc_key: str, sections: list[Section], *, chunk_size: int = 800, chunk_overlap: int = 120
) -> list[Chunk]:
    """Split ``sections`` into chunks whose ids are stable for the same document content."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
        keep_separator="end",
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for section in sections:
        for piece in splitter.split_text(section.text):
            if not piece.strip():
                continue
            index = len(chunks)
            digest = hashlib.sha1(f"{doc_key}\x00{index}\x00{piece}".encode()).hexdigest()[:16]
            chunks.append(Chunk(chunk_id=digest, text=piece, page=section.page, section=section.section, index=index))
    return chunks
