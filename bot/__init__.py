"""Sauti: a distress line on WhatsApp, Messenger and Instagram."""
