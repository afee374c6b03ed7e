"""``python -m foundation.indexing.polish``: show the search keys of a text, or load a dictionary
at deploy."""

from __future__ import annotations

import argparse

from . import BACKENDS, get_normaliser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foundation.indexing.polish", description="Show the search keys of a text."
    )
    parser.add_argument("--backend", choices=BACKENDS, default=None)
    parser.add_argument("--query", action="store_true", help="show query keys, not document keys")
    parser.add_argument("--warm-up", action="store_true", help="load (and cache) the dictionary")
    parser.add_argument("text", nargs="*")
    args = parser.parse_args(argv)
    normaliser = get_normaliser(args.backend)
    if args.warm_up:
        normaliser.warm_up()
        print(f"{normaliser.backend_name()}: ready")
    text = " ".join(args.text)
    if text:
        if args.query:
            for word_keys in normaliser.query_keys(text):
                print(" | ".join(sorted(word_keys)))
        else:
            print(" ".join(normaliser.document_keys(text)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
