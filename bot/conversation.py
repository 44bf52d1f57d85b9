"""Kept so existing imports work: the conversation memory lives in knowledge.conversation."""

from knowledge.conversation import Conversations

__all__ = ["Conversations"]
