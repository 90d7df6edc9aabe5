"""Run spaCy's pipeline over every *.txt file under a folder, on one thread.

Usage: spacy_pipe.py MODEL FOLDER

Prints the number of documents and tokens and the entities found, so that
the work cannot be skipped; the caller measures the whole process's CPU.
"""
import pathlib
import sys

import spacy


def main():
    model, folder = sys.argv[1], pathlib.Path(sys.argv[2])
    nlp = spacy.load(model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    docs = tokens = ents = 0
    for doc in nlp.pipe(texts, n_process=1):
        docs += 1
        tokens += len(doc)
        ents += len(doc.ents)
    print(f"spacy {model} docs={docs} tokens={tokens} entities={ents}")


if __name__ == "__main__":
    main()
