"""Story clusters: near-copies of one wire story across outlets, found with MinHash and LSH.

An article's text becomes a set of word shingles (``shingle_words`` consecutive normalized words).
Its signature is a one-permutation MinHash (Li, Owen and Zhang 2012): each shingle is hashed once
(CRC-32, stable across processes and releases), the hash picks one of ``size`` bins by its low bits
and the bin keeps the smallest remaining value; empty bins borrow from the next non-empty bin
(densification, Shrivastava and Li 2014). One hash per shingle instead of ``size`` keeps this cheap
on corpora. Two signatures agree in a bin with probability close to the Jaccard similarity of the
shingle sets.

LSH: the signature is cut into ``bands`` bands; articles sharing any band's key are candidates,
and a candidate joins the cluster when the estimated similarity reaches the threshold.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Sequence

#: Shingles taken from the start of an article: wire copies share their lede, and long articles
#: would otherwise cost time for nothing.
MAX_SHINGLES = 200
_EMPTY = 0xFFFFFFFF


def signature(words: Sequence[str], shingle_words: int, size: int) -> bytes:
    """The MinHash signature of ``words`` (normalized tokens) as ``size`` unsigned 32-bit values."""
    if not words:
        return b""
    n = max(1, min(len(words) - shingle_words + 1, MAX_SHINGLES))
    bits = size.bit_length() - 1
    if 1 << bits != size:
        raise ValueError("minhash size must be a power of two")
    mask = size - 1
    crc = zlib.crc32
    k = shingle_words
    hashes = sorted(
        (crc(" ".join(words[i : i + k]).encode("utf-8")) for i in range(n)), reverse=True
    )
    # in descending order the last value written to a bin is its minimum
    mins = {h & mask: h >> bits for h in hashes}
    sig = [mins.get(b, _EMPTY) for b in range(size)]
    # densify: an empty bin takes the next non-empty bin's value, shifted by the distance
    if _EMPTY in sig:
        filled = [i for i, v in enumerate(sig) if v != _EMPTY]
        for i in range(size):
            if sig[i] == _EMPTY:
                j = next((f for f in filled if f > i), filled[0])
                dist = (j - i) % size
                sig[i] = (sig[j] + dist * 0x9E3779B1) & 0xFFFFFFFF
    return struct.pack(f"<{size}I", *sig)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures of the same size."""
    if not a or not b or len(a) != len(b):
        return 0.0
    n = len(a) // 4
    va = struct.unpack(f"<{n}I", a)
    vb = struct.unpack(f"<{n}I", b)
    return sum(1 for x, y in zip(va, vb, strict=True) if x == y) / n


def band_keys(sig: bytes, bands: int) -> list[tuple[int, int]]:
    """(band, key) pairs: a signed 64-bit key per band (stable: BLAKE2b of the band's bytes)."""
    if not sig:
        return []
    width = len(sig) // bands
    out: list[tuple[int, int]] = []
    for band in range(bands):
        chunk = sig[band * width : (band + 1) * width]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out
