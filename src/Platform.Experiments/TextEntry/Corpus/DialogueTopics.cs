namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Six-turn scripts of everyday exchanges (needs, plans, food, feelings, visits), in the strict structure of Turk
/// Dialogues. Each turn offers variants; a <c>{slot}</c> is filled from <see cref="DialogueSlots"/>, and a reply that
/// names the same slot as the turn before reuses its filler with the corpus's context overlap, which is what lets
/// context help.
/// </summary>
internal static class DialogueTopics
{
    public static IReadOnlyList<string[][]> All { get; } =
    [
        [
            ["are you hungry", "do you want something to eat", "what would you like for lunch"],
            ["yes, i would love some {food}", "i could eat some {food}", "can i have {food} please"],
            ["we have {food} in the fridge", "ok, i will make {food} for you", "i can get {food} from the {place}"],
            ["thank you, and some {drink} too", "great, with a cup of {drink}", "can you make it quick"],
            ["sure, {drink} is ready in 5 minutes", "do you want the {drink} hot or cold", "it will be ready at {hour} o'clock"],
            ["that sounds perfect", "hot please, thank you", "thanks, you are the best"],
        ],
        [
            ["how are you feeling today", "how did you sleep last night", "are you ok"],
            ["i am {feeling} today", "i feel a bit {feeling}", "not so good, i'm {feeling}"],
            ["why are you {feeling}", "oh no, do you need anything", "should i call {person}"],
            ["i didn't sleep well", "yes, please call {person}", "can you bring me my {thing}"],
            ["ok, i will call {person} now", "here is your {thing}", "do you want me to get the {thing}"],
            ["thank you so much", "that helps a lot", "i'm feeling {feeling} now"],
        ],
        [
            ["what are we doing {day}", "do you have plans for {day}", "are we going out {day}"],
            ["i want to go to the {place}", "let's go to the {place} {day}", "{person} wants to visit the {place}"],
            ["what time should we leave", "the {place} opens at {hour} o'clock", "should we take the car"],
            ["let's leave at {hour} o'clock", "we can't leave before {hour}", "i'd like to go after my {activity}"],
            ["ok, i will tell {person}", "fine, i will be ready at {hour}", "don't forget your {thing}"],
            ["see you then", "sounds like a plan", "great, see you {day}"],
        ],
        [
            ["where is my {thing}", "have you seen my {thing}", "i can't find the {thing}"],
            ["your {thing} is in the {room}", "i think the {thing} is in the {room}", "i saw it in the {room}"],
            ["can you get it for me", "i looked in the {room} already", "is it on the table"],
            ["ok, i will check the {room}", "let me look in the {room}", "i'll ask {person}"],
            ["i found your {thing}", "{person} had your {thing}", "it was under the {thing}"],
            ["thank you, you're a star", "finally, thanks", "please put it by the bed"],
        ],
        [
            ["do you want to watch tv", "what do you want to watch", "is there anything good on tv"],
            ["let's watch the {show}", "i'd like to see the {show}", "is the {show} on tonight"],
            ["the {show} starts at {hour} o'clock", "ok, i will put on the {show}", "the {show} is on channel {hour}"],
            ["can you turn it up", "can you bring the {thing}", "i'm too {feeling} to watch"],
            ["sure, here is the {thing}", "is that loud enough", "do you want some {drink}"],
            ["that's much better", "yes, a little {drink} please", "perfect, thank you"],
        ],
        [
            ["who is coming to visit {day}", "is anyone coming over {day}", "when is {person} coming"],
            ["{person} is coming {day}", "{person} will come at {hour} o'clock", "i think {person} is coming {day}"],
            ["should we make some {food}", "what should we cook for {person}", "that's nice, i miss {person}"],
            ["{person} loves {food}", "let's make {food} and {food}", "we can order {food}"],
            ["ok, i will buy {food} at the {place}", "good idea, i will get {drink} too", "i will clean the {room}"],
            ["thank you for helping", "i can't wait to see them", "it will be a good day"],
        ],
        [
            ["i need to go to the {place}", "can you take me to the {place}", "when is my appointment"],
            ["why do you need to go to the {place}", "your appointment is at {hour} o'clock", "ok, when do you want to go"],
            ["i have an appointment with {person}", "i need to see the doctor {day}", "i want to get out of the house"],
            ["what time is the appointment", "i will call the {place} first", "do you need your {thing}"],
            ["it's at {hour} o'clock {day}", "yes, bring my {thing} please", "we should leave by {hour}"],
            ["ok, i will be ready", "i'll get the car", "let me know if you need help"],
        ],
        [
            ["it is so {feeling} in here", "i feel {feeling}", "can you open the window"],
            ["do you want me to open the window", "should i turn on the fan", "do you want a {thing}"],
            ["yes please, and bring me some {drink}", "no, just a glass of {drink}", "yes, and my {thing} too"],
            ["here is your {drink}", "the {drink} is on the table", "i will bring the {thing}"],
            ["is that better now", "do you need anything else", "let me know if you are {feeling}"],
            ["yes, that's much better", "no, i'm fine now, thanks", "i am good, thank you"],
        ],
        [
            ["did you call {person}", "have you talked to {person} today", "what did {person} say"],
            ["yes, {person} called this morning", "{person} said they are {feeling}", "not yet, i will call after my {activity}"],
            ["how is {person} doing", "is {person} coming {day}", "what did they want"],
            ["{person} is doing {feeling}", "they want to come {day}", "they asked about your {activity}"],
            ["tell {person} i said hi", "that's good news", "i should call them back at {hour}"],
            ["i will tell them", "ok, i will call {person} later", "good, let's talk tonight"],
        ],
        [
            ["i want to take a {activity}", "can i have a {activity} now", "is it time for my {activity}"],
            ["sure, do you want the {activity} now", "we can have a {activity} after lunch", "after your {drink}, ok"],
            ["yes, now please", "can we do it at {hour} o'clock", "i'm too {feeling} right now"],
            ["ok, let's have the {activity} at {hour}", "fine, i'll get your {thing}", "we can wait until {day}"],
            ["thanks, i'll need my {thing}", "that sounds good", "don't forget the {thing}"],
            ["i will bring it to the {room}", "ok, see you in the {room}", "all set, let's go"],
        ],
    ];
}
