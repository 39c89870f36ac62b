"""Kazakh language processing: suffix morphology with vowel harmony and a sentence analyser."""

from graphbuild.language.kk.morphology import KkAnalysis, analyze_word, lemma

__all__ = ["KkAnalysis", "analyze_word", "lemma"]
