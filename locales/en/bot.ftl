# Sauti — English messages (the source catalog).
# Every other locale must have exactly the same message ids and placeables
# (`sauti locales check`). Write short sentences and plain words. Never promise
# rescue or an outcome we cannot guarantee.

## Language

# This language's own name, in its own script: shown in the language menu.
language-name = English
language-prompt = Choose your language. You can change it at any time by writing "language".
language-menu-button = Languages
language-switched = We will write in English.

## Consent and information (shown before any question)

consent-prompt =
    This chat is run by { $org }, a group that helps people in danger abroad. We are not the police and not an emergency service.
    A caseworker from our team reads what you write. We keep it for { $days } days, then we delete it.
    The first replies are automatic. We keep your phone number, the place you tell us and your messages. We share nothing with an embassy, the police or any agency without asking you first.
    Write ERASE at any time to delete everything. Delete this chat if someone may read your phone.
    Do you agree to continue?
consent-yes = Yes, continue
consent-no = No
consent-declined = We understand: we keep nothing of this chat. If you are in danger now, call 112 in Europe, or the emergency number of the country you are in{ $hotline ->
        [0] {""}
       *[other] , or our line { $hotline }
    }. To come back, write to us again at any time.

## Questions of the default flow

safety-prompt = Are you in danger right now?
safety-danger_now = I am in danger now
safety-not_safe = I am not safe
safety-safe = I am safe for now

location-prompt = Where are you now? Share your location, or write the name of the town or place.
location-found = Thank you. We noted: { $place }, { $country }.
location-near = Thank you. You are near { $place }, { $country } (about { $km } km away).
location-ambiguous = There is more than one "{ $name }". Which one?
location-unknown = Thank you. We did not find "{ $name }" on our map, but we noted it. A caseworker will ask you more.
location-reask = Please share your location, or write the name of the town or place. If you do not know, write: I don't know.
location-dont-know = That is all right. We noted that you do not know where you are. A caseworker will help you find out.
location-situation = Thank you. We noted: { $situation }.
location-at-sea = Thank you. Your position is at sea, about { $km } km from the coast of { $country }. We noted it.
location-remote = Thank you. We noted your position in { $country }, about { $km } km from the nearest town we know.
location-country = Thank you. We noted: { $country }.
location-town-prompt = In which town or place? If you prefer not to say, tap Skip.
location-confirm = { $place }, { $country }: is that where you are?
location-yes = Yes
situation-at_sea-name = at sea
situation-in_desert-name = in the desert
situation-in_vehicle-name = in a vehicle
situation-detained-name = detained

passport-prompt = Who has your passport now?
passport-with_me = I have it
passport-held_by_employer = My employer
passport-held_by_agent = An agent
passport-held_by_authorities = Police / authorities
passport-lost = Lost or stolen
passport-never_had = I never had one

free_to_leave-prompt = Can you leave the place where you are when you want?
free_to_leave-yes = Yes
free_to_leave-no = No
free_to_leave-unsure = I don't know

people-prompt = How many people are in the same situation, counting you? Write a number: 1 if you are alone.

## Optional questions (a person can skip them)

agency-prompt = What is the name of the agency or person who brought you to this job? Write "skip" if you do not know.
employer_town-prompt = In which town or area does your employer live? Write "skip" if you do not know.
others-prompt = Are other people in the same house or workplace in the same situation?
others-yes = Yes
others-no = No
others-unsure = I don't know
option-skip = Skip

## Safe contact (the bot never writes first unless the person says it is safe)

contact-prompt = Can we write to you first later, for example with news about your case? Only say yes if it is safe.
contact-anytime = Yes, any time
contact-daytime = Yes, daytime only
contact-never = No, never

## After the questions

done-prompt =
    Thank you. Your case number is { $case }.
    A caseworker will read your answers and write to you here. We cannot say how fast, and we cannot promise what will happen.
    To talk to a person now, write HELP.
urgent-opened = Your case is marked urgent. A caseworker will see it as soon as one is available; we cannot say how fast. If you can, keep this chat open.
emergency-number =
    In { $country }, numbers checked by our team:
    { $numbers }
emergency-none = We have no checked emergency number for { $country } yet. We give only numbers our team has checked.
emergency-unknown-country = If you are in danger now, call the local emergency number if you can.
emergency-number-sea =
    At sea, numbers checked by our team:
    { $numbers }
emergency-none-sea = We have no checked coast guard number for where you are yet. A caseworker will read your messages.
emergency-hotline = You can call our team: { $hotline }
risk-police_may_detain_migrants-why = Police here may detain people without papers, so the other services come first.
risk-not_a_rescue_service-why = Alarm Phone is a volunteer hotline, not an emergency service: call the coast guard first if you can.
# The services named before each number (flows/emergency_numbers.yaml `service`).
service-general-name = emergency
service-police-name = police
service-gendarmerie-name = gendarmerie
service-national_guard-name = national guard
service-ambulance-name = ambulance
service-fire-name = fire brigade
service-civil_protection-name = civil protection
service-civil_defence-name = civil defence
service-tourist_police-name = tourist police
service-coast_guard-name = coast guard
service-migrant_helpline-name = migrant helpline
service-alarm_phone-name = Alarm Phone

## Words that work at any step

help-handoff = A person from our team will answer you here as soon as they can. Keep this chat open if it is safe.
restart-done = We start again from the beginning.
erase-confirm = Do you want us to delete everything you told us? This cannot be undone.
erase-yes = Yes, delete
erase-no = No, keep it
erase-done = Everything you told us is deleted. Please also delete this chat on your phone.
erase-cancelled = Nothing was deleted. We continue.

## When we do not understand

reask-choice = Please tap one of the answers, or write its number.
reask-number = Please write a number, for example 3.
reask-text = Please write a short answer.
offer-human = We did not understand. A person from our team will read this and answer you.
menu-button = Answers
numbered-hint = Write the number of your answer.

## Other messages

voice-note = We cannot listen to voice messages, but a caseworker will. For this question, please tap an answer or write.
media-received = Thank you, we received your file. A caseworker will see it.
unsupported-message = We cannot read this kind of message. Please write text.
flood-notice = You sent many messages very fast. We have them. Please wait for an answer.
received-ack = We received your message. A caseworker will read it.
handback-done = Our team has finished for now. You can write to us at any time if you need help.
handback-resume = We continue with your questions.
reminder = Are you still there? Answer only when it is safe.
conversation-expired = This conversation is closed. You can write to us again at any time.

## Canned replies for caseworkers (flows/replies.yaml)

canned-received = We received your message. A caseworker is reading it.
canned-safe-to-talk = Is it safe to talk now? Answer yes or no.
canned-send-location = When it is safe, please send your location.
canned-contacting-embassy = We are contacting the embassy about your case.
canned-stay-put = If it is safe, stay where you are. We will write to you again.
canned-how-many = How many people are with you?
canned-delete-chat = Remember to delete this chat if someone may read your phone.
canned-call-later = We will write to you again soon.

## Added for the engine

# An option in "There is more than one Tripoli. Which one?": a place and its country.
location-option = { $place }, { $country }
location-other = Somewhere else
# flows/examples/sea.yaml: the fast path for people at sea or in the desert.
safety-at_sea = At sea
safety-in_desert = In the desert
sea-call-now = If you can, call the coast guard or the emergency number now. We are not an emergency service, but a caseworker will read this.
sea-position-prompt = Send your position: share your location, or write it. On a Thuraya phone: Menu, GPS Manager, Current position.
sea-people-prompt = How many people are with you? Write a number.
sea-condition-prompt = How is everyone? Write about water, injuries, and the boat or the car.

# The default flow's sea and desert paths (flows/distress.yaml).
sea_people-prompt = How many people are on the boat, counting you? Write a number. Write too if there are children, women or injured people.
sea_condition-prompt = How is the boat? Choose, or write it: water coming in, engine, fuel, drinking water.
sea_condition-taking_water = Water coming in
sea_condition-engine_stopped = Engine stopped
sea_condition-no_fuel = No fuel
sea_condition-no_drinking_water = No drinking water
sea_boat-prompt = Describe the boat: rubber or wood, its colour, its size.
desert-call-now = If you can, call the emergency number now. We are not an emergency service, but a caseworker will read this. Stay together, in the shade if you can.
desert_position-prompt = Send your position: share your location, or write the nearest place, road or border post.
desert_water-prompt = Do you have water?
desert_water-none = No water
desert_water-little = A little
desert_water-enough = Enough for now
desert_people-prompt = How many people are with you, counting you? Write a number. Write too if there are children, women or injured people.
desert_direction-prompt = Where were you left, and which way are you walking? For how long?
position-updates = If you can, send your position again every 30 minutes: share your location, or write the numbers from your GPS. Save your battery.

## Saying back what we understood

# After a typed answer: what was recorded, and how to change it.
answer-noted = Noted: { $answer }. To change it, write CHANGE.
# When we are not sure what a typed answer means.
confirm-prompt = Did you mean: { $answer }?
confirm-other = No, something else

## flow: danger path, caseworker questions, consent to share

people-with-prompt = How many people are with you in the same situation? Write a number (1 if you are alone). If there are children or injured people, write it too.
nationality-prompt = What is your nationality? You can skip this question.
safe_to_call-prompt = Is it safe for us to call or write to you first, and when? Only say yes if it is safe.
safe_to_call-anytime = Yes, any time
safe_to_call-daytime = Yes, daytime only
safe_to_call-never = No, never
phone_private-prompt = Is this phone only yours, or can someone else read it?
phone_private-mine = Only mine
phone_private-shared = Shared with others
phone_private-watched = Someone reads it
injured-prompt = Are you or someone with you injured or in need of a doctor?
injured-yes = Yes
injured-no = No
children-prompt = Are there children with you?
children-yes = Yes
children-no = No
wages-prompt = Are you paid for your work?
wages-paid = Yes, paid
wages-partly = Only part of it
wages-unpaid = Not paid
debt-prompt = Do you owe money to an agent, a recruiter or your employer?
debt-yes = Yes
debt-no = No
debt-unsure = I don't know
threats-prompt = Has anyone threatened you or your family?
threats-yes = Yes
threats-no = No
wants-prompt = What would you like most now?
wants-go_home = Go home
wants-leave_employer = Leave my employer
wants-information = Information
handover-prompt = Thank you. Your case number is { $case }. A person from our team will write to you here; we ask nothing more now. Keep this chat open if it is safe. To add something, just write.
share-embassy-prompt = May we contact the embassy of your country about your case? We will do nothing without your yes. For some people, contact with their embassy can be dangerous: say no if you are not sure.
share-yes = Yes, you may
share-no = No, do not
share-answer-given = Thank you, we have noted your yes.
share-answer-refused = Thank you, we will not contact them. You can change your mind at any time.

## The phone simulator (it shows what WhatsApp shows on the person's phone)

simulator-send-location = 📍 Send location
