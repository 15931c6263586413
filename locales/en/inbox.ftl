# The caseworker inbox's own words (bot/web/ui_words.py). Not shown to the people who write
# to the bot. Languages without this file, or without a message, show the English text.

inbox-name = Sauti inbox
inbox-skip = Skip to main content
inbox-demo = Demo: invented sample data; nothing you send leaves this computer.
inbox-nav = Inbox
inbox-groups = Groups
inbox-patterns = Patterns
inbox-numbers = Numbers
inbox-admin = Admin
inbox-sign-out = Sign out
inbox-open-count = { $count } open
inbox-urgent-count = { $count } urgent unclaimed

login-title = Sign in
login-name = User name
login-password = Password
login-button = Sign in
login-wrong = Wrong user name or password.
login-too-soon = Too many failed attempts. Try again in { $when }.

list-title = Cases
list-status = Status
list-status-active = Open and claimed
list-status-open = Open
list-status-claimed = Claimed
list-status-resolved = Resolved
list-status-all = All
list-priority = Priority
list-priority-any = Any
list-team = Team
list-team-all = All my teams
list-show = Show

list-case = Case { $id }
list-unclaimed = Unclaimed
list-not-reached = Not reached
list-not-reached-title = None of our replies has reached this person
list-team-of = team { $team }
list-opened = opened
list-unrouted = { $count ->
    [one] Not routed to a team yet: no team covers where this person writes from, or it is not known yet. Every caseworker sees it: open a case and route it to a team.
   *[other] Not routed to a team yet: no team covers where these people write from, or it is not known yet. Every caseworker sees them: open a case and route it to a team.
}
list-unrouted-label = Cases not routed to a team yet, most urgent first
list-label = Cases, most urgent first
list-empty = No cases here. New ones appear by themselves.

case-all = ← All cases
case-actions = Actions
case-claim = Claim this case
case-another = another caseworker
case-claimed-by = Claimed by { $name }.
case-resolved = Resolved. If the person writes again, a new case opens, linked to this one.
case-resolved-as = Resolved: { $outcome }. If the person writes again, a new case opens, linked to this one.
case-reply = Reply
case-release = Hand back to the bot
case-route-to = Route to team
case-route-first = Not routed to a team yet: route to
case-choose = Choose…
case-route = Route
case-outcome = Outcome
case-closing = Closing message (optional)
case-closing-none = None
case-resolve = Resolve
case-conversation = Conversation
case-message = Message to the person
case-message-in = Message to the person (they read { $language })
case-send = Send
case-canned = Canned replies
case-in-your-language = In your language: { $text }
case-needs-consent = Needs her consent to contact the { $recipient }: it cannot be sent before she says yes.
case-ask-consent = Ask her (yes/no, in her language)
case-send-this = Send this
case-templates = Approved templates (the window is closed)
case-param-placeholder = filled from the case
case-send-template = Send template
case-notes = Internal notes
case-someone = someone
case-no-notes = No notes yet. The person never sees notes.
case-note-label = Add a note (only caseworkers see it)
case-add-note = Add note
case-linked = Probably linked
case-linked-link = Cases probably linked to this one, and groups

not-found-title = Not found
not-found-case = Case not found
not-found-case-text = There is no such case in your teams.
not-found-back = Back to the cases
