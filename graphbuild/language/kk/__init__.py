"""Kazakh language processing: suffix morphology with vowel harmony and a sentence analyser."""

from graphbuild.language.kk.analyzer import KazakhAnalyzer, analyze_token
from graphbuild.language.kk.morphology import KkAnalysis, analyze_word, lemma

__all__ = ["KazakhAnalyzer", "KkAnalysis", "analyze_token", "analyze_word", "lemma"]
