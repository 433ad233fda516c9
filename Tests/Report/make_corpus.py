#!/usr/bin/env python3
"""Writes the fixture corpus of Tests/Report: two small sites (English, Spanish) whose education
articles are original texts of known difficulty, from very easy to very hard. Run once; the
files are committed. Each article's `reading_grade_target` is the band its text was written for
(the cross-check asserts the measured grade falls in the band given in bands.json)."""
import json, os, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))

EN = {
 # slug: (band [low, high] of the Flesch-Kincaid grade: very easy -4..3, easy 0..6, plain 4..10,
 # hard 12..20, very hard 18..35; Spanish: of the Szigriszt-Pazos score), body
 "cat-on-mat": ([-4, 3], "The cat sat on the mat. The dog ran to the cat. The cat did not run. They sat in the sun all day."),
 "call-us": ([-4, 3], "You can call us at any time. We will pick up the phone. We can talk with you. You do not have to wait.\n\n- Call us in the day.\n- Call us at night.\n- Text us if you like."),
 "good-sleep": ([-4, 3], "Sleep helps your mind and your body. Try to go to bed at the same time each night. Keep your room dark and cool. Put your phone away an hour before bed. If you wake up, it is fine to get up for a bit."),
 "walk-each-day": ([-4, 3], "A short walk can lift your mood. Go out for ten minutes after lunch. Look at the trees and the sky. Take a friend if you can. Small steps add up over a week."),
 "first-group": ([-4, 3], "## What to expect\n\nYour first group may feel strange. That is normal. You will sit in a circle with six to ten people. The leader will ask each person to say their name. You do not have to share more than you want.\n\n```callout\nA tip\nBring a bottle of water and a notebook.\n```"),
 "helping-a-friend": ([-4, 3], "If a friend seems down, ask how they are. Listen more than you talk. Do not rush to fix things. Let them know you care and that help is out there. If they talk about ending their life, call 988 with them.\n\n```crisis\n```"),
 "money-worries": ([0, 6], "Money worries can keep you up at night. Write down what you earn and what you spend each month. Look for one or two costs you can cut. Ask our front desk about payment plans and help with insurance. You are not alone in this, and there are people whose job it is to help."),
 "medication-basics": ([4, 10], "Your prescriber may suggest a medicine to help with your symptoms. Take it at the same time every day, even when you feel better. Some medicines take several weeks to work. Tell your prescriber about any side effects, such as feeling sleepy or having an upset stomach. Never stop a medicine suddenly without talking to them first."),
 "family-meetings": ([4, 10], "Family sessions give everyone a chance to be heard. A therapist guides the conversation so that it stays respectful. Families often learn new ways to talk about hard topics, like curfews, chores or money. Many parents say these meetings helped them understand what their teenager was going through. Sessions usually happen every other week during the program."),
 "what-iop-means": ([4, 10], "An intensive outpatient program offers more support than a weekly therapy appointment. Participants usually attend three hours a day, three days a week, while living at home. The schedule allows people to keep working or going to school. Treatment combines group therapy, individual sessions and education about recovery. Most people attend for six to twelve weeks."),
 "coping-skills": ([0, 6], "Coping skills are practical strategies that help you manage difficult emotions. Some skills, like slow breathing, calm your body quickly. Others, like writing in a journal, help you understand patterns over time. Practicing a skill when you are calm makes it easier to use during a crisis. Your therapist can help you choose the skills that fit your life.\n\n1. Breathe in for four counts\n2. Hold for four counts\n3. Breathe out for six counts"),
 "insurance-letter": ([12, 20], "Your insurance company may require prior authorization before covering intensive outpatient treatment. Our billing coordinator will submit the necessary documentation, including a clinical assessment and a proposed treatment plan. Authorization decisions typically arrive within several business days. If coverage is denied, you have the right to request an appeal, and our staff can explain the process."),
 "trauma-informed": ([12, 20], "Trauma-informed care recognizes that many people seeking treatment have experienced frightening or overwhelming events. Clinicians therefore prioritize safety, choice and collaboration in every interaction. Rather than asking what is wrong with a person, a trauma-informed approach asks what happened to them. This perspective reduces the likelihood of retraumatization and strengthens the therapeutic relationship."),
 "co-occurring": ([18, 35], "Co-occurring disorders describe situations in which an individual experiences both a substance use disorder and another mental health condition simultaneously. Integrated treatment addresses these conditions together, because symptoms of one frequently intensify the other. Evidence consistently demonstrates that coordinated interventions produce better outcomes than sequential or parallel treatment delivered by separate providers."),
 "dbt-overview": ([18, 35], "Dialectical behavior therapy, originally developed for individuals with chronic suicidality, combines cognitive-behavioral techniques with mindfulness practices derived from contemplative traditions. The treatment emphasizes four skill modules: mindfulness, distress tolerance, emotion regulation and interpersonal effectiveness. Participants typically attend weekly skills groups alongside individual therapy and may receive telephone coaching between sessions."),
 "privacy-notice": ([18, 35], "Federal regulations governing the confidentiality of substance use disorder patient records impose restrictions that are considerably more stringent than those applicable to general health information. Consequently, disclosures to third parties, including family members and employers, ordinarily require written authorization specifying the recipient, the purpose and the information to be disclosed. Exceptions exist for medical emergencies, certain research activities and valid court orders."),
 "neurobiology": ([18, 35], "Neurobiological investigations of addiction have characterized dysregulation within mesolimbic dopaminergic pathways, prefrontal executive circuitry and stress-responsive neuroendocrine systems. Repeated substance exposure progressively recalibrates reward sensitivity, diminishing responsiveness to naturally reinforcing stimuli while amplifying conditioned reactivity to drug-associated environmental cues. These adaptations plausibly underlie the compulsivity and vulnerability to relapse observed clinically."),
 "pharmacology": ([18, 35], "Pharmacotherapeutic management of opioid use disorder encompasses full agonist, partial agonist and antagonist formulations, each exhibiting distinctive pharmacokinetic characteristics. Buprenorphine's high receptor affinity and ceiling effect on respiratory depression confer a comparatively favorable safety profile. Extended-release naltrexone necessitates complete detoxification prior to initiation, which considerably complicates induction for individuals experiencing physiological dependence."),
 "research-methods": ([18, 35], "Methodological heterogeneity across randomized controlled trials evaluating psychosocial interventions complicates meta-analytic synthesis, particularly regarding outcome operationalization and follow-up duration. Investigators frequently rely upon self-reported abstinence, occasionally corroborated by toxicological verification, introducing measurement variability. Consequently, pooled effect estimates should be interpreted cautiously, acknowledging considerable uncertainty attributable to publication bias."),
 "list-heavy": ([0, 6], "Signs that stress is building:\n\n- trouble sleeping\n- snapping at people you love\n- skipping meals\n- feeling tired all the time\n- wanting to be alone more than usual\n\nIf you notice two or more of these, talk to your counselor."),
 "mixed-markup": ([4, 10], "Read our [intake guide](https://example.org/intake) before your visit. Bring your **insurance card** and a list of your *current medicines*. The `form-7` packet is optional.\n\n![A clipboard with a pen](../assets/clipboard.svg)\n\n> Arrive fifteen minutes early so there is time to finish the paperwork.\n\n```\nThis code block is not measured at all.\n```"),
 "contractions": ([0, 6], "Don't worry if you can't remember everything. We'll go over it again. It's okay to ask questions, and you'll get a written copy. They're here to help, and we've done this many times."),
}

ES = {
 "dormir-bien": ([70, 120], "Dormir bien ayuda a tu mente. Ve a la cama a la misma hora. Apaga el teléfono antes de dormir. Si no puedes dormir, levántate un rato."),
 "grupo-familiar": ([50, 80], "Las sesiones familiares permiten que cada persona sea escuchada. Un terapeuta guía la conversación para que siga siendo respetuosa. Muchas familias aprenden nuevas maneras de hablar de temas difíciles, como el dinero o las reglas de la casa."),
 "confidencialidad": ([-50, 40], "Las regulaciones federales sobre la confidencialidad de los expedientes clínicos imponen restricciones considerablemente más estrictas que las aplicables a la información sanitaria general. Consecuentemente, cualquier divulgación a terceros requiere habitualmente una autorización escrita que especifique el destinatario y la finalidad."),
}

def write_site(folder, language, texts):
    content = os.path.join(HERE, folder, "Content")
    os.makedirs(os.path.join(content, "education"), exist_ok=True)
    os.makedirs(os.path.join(content, "assets"), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write(f"name: Reading Corpus ({language})\nurl: https://corpus.example.org/\nlanguage: {language}\n")
    with open(os.path.join(content, "assets", "clipboard.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10"/></svg>\n')
    bands = {}
    for slug, (band, body) in texts.items():
        bands[f"Content/education/{slug}.md"] = band
        with open(os.path.join(content, "education", slug + ".md"), "w") as f:
            f.write(textwrap.dedent(f"""\
                ---
                title: {slug.replace('-', ' ').capitalize()}
                summary: A text of known difficulty for the reading-level cross-check.
                audience: everyone
                reviewed: 2026-06-15
                reviewed_by: Corpus Reviewer, PhD
                sources:
                  - Written for ClinicPress's tests
                ---
                """) + body + "\n")
    with open(os.path.join(HERE, folder, "bands.json"), "w") as f:
        json.dump(bands, f, indent=1, sort_keys=True)
        f.write("\n")

write_site("corpus-en", "en", EN)
write_site("corpus-es", "es", ES)
