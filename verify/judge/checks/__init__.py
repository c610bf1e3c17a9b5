"""Slot-by-slot comparisons of a claim with its evidence.

Each check returns ``Finding`` records: a verdict for one detail of the claim,
the concrete reason in words, and the evidence it rests on. ``judge.py``
combines them into the claim's verdict.
"""
