"""Slot finders: each reads one kind of checkable detail out of a sentence.

Every finder takes the sentence text and ``base``, the sentence's offset in the
document text, and returns records whose offsets are document offsets.
"""
