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
        [
            ["did you take your {thing} this morning", "is your back hurting again", "how is the pain {day}"],
            ["no, i forgot to take it", "yes, it hurts a lot", "the pain is worse than {day}"],
            ["let me get you some water for the pills", "where does it hurt the most", "should i phone the doctor"],
            ["it hurts in my shoulder", "right here on my left side", "please wait until {hour} o'clock"],
            ["try to lie down for a while", "i will put a warm towel on it", "the nurse said to rest"],
            ["that feels a little better", "ok, wake me in an hour", "thanks for taking care of me"],
        ],
        [
            ["what is the weather like outside", "is it raining {day}", "do you think it will snow"],
            ["it is sunny and warm", "it looks like rain this afternoon", "the radio said it will be windy"],
            ["do you want to sit outside", "should we go for a {activity} in the sun", "maybe we can stay in {day}"],
            ["yes, let's sit on the {room}", "only if it stays dry", "i need my {thing} first"],
            ["i'll bring a chair and your {thing}", "grab an umbrella just in case", "it might get chilly later"],
            ["the fresh air is lovely", "this was a good idea", "let's go back in when it gets dark"],
        ],
        [
            ["are you ready for bed", "do you want to go to sleep now", "it's getting late"],
            ["not yet, i'm still {feeling}", "yes, i'm ready to sleep", "give me ten more minutes"],
            ["do you want the light off", "should i leave the door open", "do you need another {thing}"],
            ["leave the lamp on please", "close the door a little", "yes, one more pillow please"],
            ["good night, sleep well", "call me if you need anything", "i'll check on you at {hour}"],
            ["good night, love you", "see you in the morning", "thanks, sweet dreams"],
        ],
        [
            ["would you like some music", "what song should i play", "shall i turn on the radio"],
            ["play something quiet", "put on some jazz please", "i want to hear the old songs"],
            ["how about this one", "is the volume ok", "this was your favorite album"],
            ["a bit louder please", "skip this song", "i love this one"],
            ["i made a playlist for you", "{person} sent us new songs", "we can listen after {activity}"],
            ["that was beautiful", "let's dance later", "turn it off when i fall asleep"],
        ],
        [
            ["what do we need from the shop", "i am making a shopping list", "we are out of {food}"],
            ["we need milk and bread", "get some {food} and {drink}", "buy more {food} please"],
            ["anything else for the week", "do we still have {drink}", "how many should i get"],
            ["two bags would be enough", "just one box", "check the cupboard first"],
            ["i'll go to the {place} after lunch", "the list is on the fridge", "{person} can pick it up {day}"],
            ["don't forget the coupons", "bring back the receipt", "thanks for doing the shopping"],
        ],
        [
            ["you have a new message", "{person} sent you an email", "did you see the text from {person}"],
            ["read it to me please", "what does it say", "i haven't checked my phone"],
            ["they asked how you are", "it's a photo of the kids", "they want to video call {day}"],
            ["tell them i am {feeling}", "send them a big hug", "yes, call them back now"],
            ["i replied for you", "they said thanks", "the call is set for {hour} o'clock"],
            ["thank you for reading it", "i love hearing from them", "please show me the photo"],
        ],
        [
            ["do you want me to read to you", "what are you reading these days", "did you finish your {thing}"],
            ["yes, read the next chapter", "i am reading a mystery novel", "not yet, my eyes get tired"],
            ["where did we stop last time", "who wrote this one", "do you like the story"],
            ["we stopped at the part with the ship", "it is by my favorite author", "it gets exciting near the end"],
            ["i'll read two chapters tonight", "let me find my reading glasses", "i can order the sequel"],
            ["you read so well", "one more page please", "let's keep going tomorrow"],
        ],
        [
            ["what do you want to wear {day}", "is it time to get dressed", "which shirt do you like"],
            ["the blue shirt please", "something warm and soft", "my gray pants and a {thing}"],
            ["do you need help with the buttons", "these shoes or the boots", "should i bring your {thing}"],
            ["yes, help with the buttons", "the shoes, they are comfy", "i can do it myself"],
            ["you look very nice", "here are your socks", "let's fix your collar"],
            ["thanks, i feel ready", "now i'm set for the day", "that looks good on me"],
        ],
        [
            ["do you want a {activity} before dinner", "is the water warm enough", "it is bath day {day}"],
            ["a quick one please", "make it a little warmer", "can we do it after the {show}"],
            ["i put a clean towel out", "here is the soap and shampoo", "do you want me to wash your hair"],
            ["yes, wash my hair please", "i can manage the rest", "mind the cold floor"],
            ["all done, let's dry off", "careful, the tiles are wet", "here is your robe"],
            ["i feel so fresh now", "that was relaxing", "thank you for your help"],
        ],
        [
            ["look at this old photo", "do you remember this trip", "who is this in the picture"],
            ["that is {person} at the beach", "we went there every summer", "i remember that day well"],
            ["how old were you then", "where was this taken", "you look so young"],
            ["i was about twenty", "it was near my old house", "we had so much fun back then"],
            ["tell me more about it", "we should frame this one", "let's show it to {person}"],
            ["those were good times", "i miss those days", "put it on the shelf please"],
        ],
    ];
}
