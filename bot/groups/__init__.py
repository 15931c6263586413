"""Groups of people in one situation (31 women in one house, recruited by one agency).

What a WhatsApp group gave an NGO, without showing anyone's number to anyone:
- links.py: cases that are probably linked (same agency across scripts, pins close
  together, same employer town), with the reason shown; confirm or reject (match.py,
  agency.py, towns.py hold the pure comparisons);
- groups.py: named groups of cases, visible only to caseworkers who may see every case;
- send.py: one update to a whole group, sent to each person on their own, in their
  language when it is a canned reply, skipping whoever may not be written to now
  (eligibility.py says why);
- views.py: the JSON shapes; patterns.py: agencies and places across cases, without
  personal data; erase.py: forgetting a person in all of the above.
"""
