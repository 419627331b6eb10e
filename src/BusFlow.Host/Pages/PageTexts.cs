using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;

namespace BusFlow.Host.Pages;

/// <summary>The words of the pages, Swedish first and English available.</summary>
public static class PageTexts
{
    public static IReadOnlyDictionary<string, string> For(string language) => language == PageLanguage.English ? English : Swedish;

    private static readonly Dictionary<string, string> Swedish = new(StringComparer.Ordinal)
    {
        ["site"] = "BusFlow",
        ["skip"] = "Hoppa till innehållet",
        ["other_language"] = "In English",
        ["other_language_code"] = "en",
        ["task_heading"] = "Uppgift",
        ["asked_by"] = "Frågan kommer från",
        ["due"] = "Sista dag att svara",
        ["due_moved"] = "flyttad från {0} eftersom den dagen inte är en arbetsdag",
        ["facts"] = "Underlag",
        ["you_answer_as"] = "Du svarar som",
        ["you_are_told_as"] = "Du får veta detta som",
        ["you_read_as"] = "Länken är skickad till",
        ["answer_heading"] = "Ditt svar",
        ["comment"] = "Kommentar",
        ["comment_hint_required"] = "Krävs om du väljer: {0}.",
        ["comment_hint"] = "Frivillig.",
        ["required"] = "krävs",
        ["choose"] = "Välj ett svar. Inget händer förrän du trycker på en av knapparna.",
        ["errors_heading"] = "Svaret kunde inte tas emot",
        ["receipt_heading"] = "Tack, ditt svar är mottaget",
        ["receipt_body"] = "Du svarade ”{0}” den {1}. Svaret är registrerat och arbetsflödet har gått vidare.",
        ["answered_heading"] = "Uppgiften är redan besvarad",
        ["answered_body"] = "{0} svarade ”{1}” den {2}. Inget har ändrats.",
        ["unknown_heading"] = "Länken fungerar inte",
        ["unknown_body"] = "Länken är okänd eller ofullständig. Kontrollera att du har kopierat hela länken från e-postmeddelandet, eller skriv in koden från meddelandet.",
        ["expired_heading"] = "Länken har gått ut",
        ["expired_body"] = "Länken gällde till och med några dagar efter sista svarsdag. Kontakta den som skickade uppgiften om du fortfarande behöver svara.",
        ["withdrawn_heading"] = "Uppgiften är inte längre din att besvara",
        ["withdrawn_body"] = "Uppgiften har avbrutits eller gått över till någon annan, till exempel en ny innehavare av uppdraget. Inget har ändrats.",
        ["informed_heading"] = "För kännedom",
        ["informed_body"] = "Uppgiften väntar på svar från den den är ställd till. Du kan inte svara på den här, men du kan påminna eller hjälpa till.",
        ["stopped_heading"] = "Svaret kunde inte registreras just nu",
        ["stopped_body"] = "Arbetsflödet som uppgiften hör till har stannat. Uppgiften är fortfarande öppen; försök igen senare eller kontakta den som skickade uppgiften.",
        ["forgery_heading"] = "Formuläret kunde inte kontrolleras",
        ["forgery_body"] = "Sidan kan ha varit öppen länge. Öppna länken i e-postmeddelandet igen och svara en gång till. Inget har ändrats.",
        ["limited_heading"] = "För många försök",
        ["limited_body"] = "Vänta en minut och försök igen.",
        ["too_large_heading"] = "Det du skickade är för stort",
        ["too_large_body"] = "Sidan tar emot högst 64 kB, och en kommentar får vara högst 4000 tecken. Gå tillbaka, korta texten och skicka igen. Inget har ändrats.",
        ["unreadable_heading"] = "Formuläret kunde inte läsas",
        ["unreadable_body"] = "Det som skickades var inte ett formulär från den här sidan. Öppna länken i e-postmeddelandet igen och svara därifrån. Inget har ändrats.",
        ["method_heading"] = "Sidan kan inte användas så",
        ["method_body"] = "Den här adressen öppnas med länken i e-postmeddelandet och besvaras med knapparna på sidan. Inget har ändrats.",
        ["conflict_heading"] = "Uppgiften ändrades samtidigt av någon annan",
        ["conflict_body"] = "Ditt svar har inte registrerats. Öppna länken i e-postmeddelandet igen för att se hur det står till, och svara på nytt om uppgiften fortfarande är öppen.",
        ["failed_heading"] = "Något gick fel hos oss",
        ["failed_body"] = "Felet är loggat. Öppna länken igen om en stund för att se om ditt svar kom fram, eller kontakta den som skickade uppgiften.",
        ["documents"] = "Dokument",
        ["document_name"] = "Fil",
        ["document_version"] = "Version",
        ["document_uploaded"] = "Uppladdad",
        ["document_size"] = "Storlek",
        ["document_checksum"] = "Kontrollsumma (SHA-256, början)",
        ["document_download"] = "Ladda ned {0}, version {1}",
        ["document_hint"] = "PDF eller DOCX, högst {0}. Ett nytt dokument blir en ny version; de tidigare finns kvar.",
        ["no_document_heading"] = "Dokumentet finns inte här",
        ["no_document_body"] = "Länken visar inte det dokumentet. Öppna uppgiften med länken i e-postmeddelandet och ladda ned dokumentet därifrån.",
        ["refused_heading"] = "Sidan kunde inte visas",
        ["refused_body"] = "Begäran kunde inte tas emot. Öppna länken i e-postmeddelandet igen.",
        ["app_unreadable_heading"] = "Formuläret kunde inte läsas",
        ["app_unreadable_body"] = "Sidan kan ha varit öppen länge, eller så kom formuläret inte från BusFlow. Gå tillbaka, ladda om sidan och försök igen. Inget har ändrats.",
        ["app_method_heading"] = "Sidan kan inte användas så",
        ["app_method_body"] = "Den här adressen används med knapparna och formulären på BusFlows sidor. Inget har ändrats.",
        ["app_conflict_heading"] = "Någon annan ändrade samtidigt",
        ["app_conflict_body"] = "Din ändring har inte sparats. Ladda om sidan för att se hur det står till och försök igen.",
        ["app_failed_heading"] = "Något gick fel hos oss",
        ["app_failed_body"] = "Felet är loggat. Försök igen om en stund, eller kontakta en administratör.",
        ["app_refused_heading"] = "Sidan kunde inte visas",
        ["app_refused_body"] = "Begäran kunde inte tas emot. Gå tillbaka och försök igen.",
        ["app_missing_heading"] = "Sidan finns inte",
        ["app_missing_body"] = "Kontrollera adressen, eller gå till startsidan.",
        ["missing_heading"] = "Sidan finns inte",
        ["missing_body"] = "Kontrollera adressen, eller öppna länken i e-postmeddelandet igen.",
        ["comment_too_long"] = "Kommentaren är för lång: skriv högst {0} tecken.",
        ["field_too_long"] = "{0}: skriv högst {1} tecken.",
        ["code_heading"] = "Svara med kod",
        ["code_body"] = "Om länken i e-postmeddelandet inte fungerar kan du skriva in koden från samma meddelande här.",
        ["code_label"] = "Kod (tio tecken, till exempel ABCDE-12345)",
        ["code_submit"] = "Öppna uppgiften",
        ["code_wrong"] = "Koden är okänd. Kontrollera att du har skrivit den rätt.",
        ["confirm_heading"] = "Bekräfta med kod",
        ["confirm_body"] = "Svaret ”{0}” har rättslig verkan. Vi har skickat en kod till {1}. Skriv in koden här för att bekräfta att det är du som svarar. Koden gäller i 15 minuter.",
        ["confirm_label"] = "Bekräftelsekod",
        ["confirm_submit"] = "Bekräfta mitt svar",
        ["confirm_wrong"] = "Koden stämmer inte eller har gått ut. Kontrollera koden, eller börja om för att få en ny.",
        ["proof_link"] = "länken i e-postmeddelandet",
        ["unsubscribe_heading"] = "Avsluta veckosammanfattningen",
        ["unsubscribe_body"] = "Vill du sluta få veckosammanfattningen till {0}? E-post om dina egna uppgifter, påminnelser på och efter sista svarsdag kommer som förut.",
        ["unsubscribe_submit"] = "Avsluta veckosammanfattningen",
        ["unsubscribed_heading"] = "Veckosammanfattningen är avslutad",
        ["unsubscribed_body"] = "{0} får inte längre veckosammanfattningen. Påminnelser om uppgifter kommer i stället en och en.",
        ["home_heading"] = "BusFlow",
        ["home_body"] = "BusFlow håller ordning på BUS-samverkans möten, uppgifter och beslut. Du svarar på uppgifter genom länken i e-postmeddelandet du fått.",
        ["home_code_link"] = "Svara med en kod från ett e-postmeddelande",
        ["footer"] = "BusFlow – BUS-samverkans möten, uppgifter och beslut.",
    };

    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["site"] = "BusFlow",
        ["skip"] = "Skip to content",
        ["other_language"] = "På svenska",
        ["other_language_code"] = "sv",
        ["task_heading"] = "Task",
        ["asked_by"] = "Asked by",
        ["due"] = "Answer by",
        ["due_moved"] = "moved from {0} because that day is not a working day",
        ["facts"] = "Documents",
        ["you_answer_as"] = "You are answering as",
        ["you_are_told_as"] = "You are told about this as",
        ["you_read_as"] = "The link was sent to",
        ["answer_heading"] = "Your answer",
        ["comment"] = "Comment",
        ["comment_hint_required"] = "Required if you choose: {0}.",
        ["comment_hint"] = "Optional.",
        ["required"] = "required",
        ["choose"] = "Choose an answer. Nothing happens until you press one of the buttons.",
        ["errors_heading"] = "The answer could not be accepted",
        ["receipt_heading"] = "Thank you, your answer has been received",
        ["receipt_body"] = "You answered “{0}” on {1}. The answer is on record and the workflow has moved on.",
        ["answered_heading"] = "The task has already been answered",
        ["answered_body"] = "{0} answered “{1}” on {2}. Nothing was changed.",
        ["unknown_heading"] = "The link does not work",
        ["unknown_body"] = "The link is unknown or incomplete. Check that you copied the whole link from the e-mail, or type the code from the message.",
        ["expired_heading"] = "The link has expired",
        ["expired_body"] = "The link was valid until a few days after the last day to answer. Contact whoever sent the task if you still need to answer.",
        ["withdrawn_heading"] = "The task is no longer yours to answer",
        ["withdrawn_body"] = "The task has been cancelled or passed to someone else, for example a new holder of the role. Nothing was changed.",
        ["informed_heading"] = "For your information",
        ["informed_body"] = "The task is waiting for an answer from the person it was given to. You cannot answer it here, but you can remind them or help.",
        ["stopped_heading"] = "The answer could not be recorded right now",
        ["stopped_body"] = "The workflow this task belongs to has stopped. The task is still open; try again later or contact whoever sent the task.",
        ["forgery_heading"] = "The form could not be verified",
        ["forgery_body"] = "The page may have been open for a long time. Open the link in the e-mail again and answer once more. Nothing was changed.",
        ["limited_heading"] = "Too many attempts",
        ["limited_body"] = "Please wait a minute and try again.",
        ["too_large_heading"] = "What you sent is too large",
        ["too_large_body"] = "The page takes at most 64 kB, and a comment may have at most 4000 characters. Go back, shorten the text and send it again. Nothing was changed.",
        ["unreadable_heading"] = "The form could not be read",
        ["unreadable_body"] = "What was sent was not a form from this page. Open the link in the e-mail again and answer from there. Nothing was changed.",
        ["method_heading"] = "The page cannot be used that way",
        ["method_body"] = "This address is opened with the link in the e-mail and answered with the buttons on the page. Nothing was changed.",
        ["conflict_heading"] = "Someone else changed the task at the same moment",
        ["conflict_body"] = "Your answer was not recorded. Open the link in the e-mail again to see where things stand, and answer again if the task is still open.",
        ["failed_heading"] = "Something went wrong on our side",
        ["failed_body"] = "The error has been logged. Open the link again in a while to see whether your answer arrived, or contact whoever sent the task.",
        ["documents"] = "Documents",
        ["document_name"] = "File",
        ["document_version"] = "Version",
        ["document_uploaded"] = "Uploaded",
        ["document_size"] = "Size",
        ["document_checksum"] = "Checksum (SHA-256, start)",
        ["document_download"] = "Download {0}, version {1}",
        ["document_hint"] = "PDF or DOCX, at most {0}. A new document becomes a new version; earlier ones stay.",
        ["no_document_heading"] = "The document is not here",
        ["no_document_body"] = "The link does not show that document. Open the task with the link in the e-mail and download the document from there.",
        ["refused_heading"] = "The page could not be shown",
        ["refused_body"] = "The request could not be accepted. Open the link in the e-mail again.",
        ["app_unreadable_heading"] = "The form could not be read",
        ["app_unreadable_body"] = "The page may have been open for a long time, or the form did not come from BusFlow. Go back, reload the page and try again. Nothing was changed.",
        ["app_method_heading"] = "The page cannot be used that way",
        ["app_method_body"] = "This address is used with the buttons and forms of BusFlow's pages. Nothing was changed.",
        ["app_conflict_heading"] = "Someone else changed it at the same time",
        ["app_conflict_body"] = "Your change was not saved. Reload the page to see where things stand, and try again.",
        ["app_failed_heading"] = "Something went wrong on our side",
        ["app_failed_body"] = "The error is logged. Try again in a while, or contact an administrator.",
        ["app_refused_heading"] = "The page could not be shown",
        ["app_refused_body"] = "The request could not be accepted. Go back and try again.",
        ["app_missing_heading"] = "The page does not exist",
        ["app_missing_body"] = "Check the address, or go to the start page.",
        ["missing_heading"] = "The page does not exist",
        ["missing_body"] = "Check the address, or open the link in the e-mail again.",
        ["comment_too_long"] = "The comment is too long: write at most {0} characters.",
        ["field_too_long"] = "{0}: write at most {1} characters.",
        ["code_heading"] = "Answer with a code",
        ["code_body"] = "If the link in the e-mail does not work, type the code from the same message here.",
        ["code_label"] = "Code (ten characters, for example ABCDE-12345)",
        ["code_submit"] = "Open the task",
        ["code_wrong"] = "The code is unknown. Check that you typed it correctly.",
        ["confirm_heading"] = "Confirm with a code",
        ["confirm_body"] = "The answer “{0}” has legal weight. We have sent a code to {1}. Type the code here to confirm that it is you who answers. The code is valid for 15 minutes.",
        ["confirm_label"] = "Confirmation code",
        ["confirm_submit"] = "Confirm my answer",
        ["confirm_wrong"] = "The code is wrong or has expired. Check the code, or start again to get a new one.",
        ["proof_link"] = "the link in the e-mail",
        ["unsubscribe_heading"] = "Stop the weekly summary",
        ["unsubscribe_body"] = "Do you want to stop receiving the weekly summary at {0}? Mail about your own tasks, and reminders on and after the last day, will come as before.",
        ["unsubscribe_submit"] = "Stop the weekly summary",
        ["unsubscribed_heading"] = "The weekly summary has been stopped",
        ["unsubscribed_body"] = "{0} no longer receives the weekly summary. Task reminders will come one by one instead.",
        ["home_heading"] = "BusFlow",
        ["home_body"] = "BusFlow keeps track of the BUS collaboration’s meetings, tasks and decisions. You answer tasks through the link in the e-mail you received.",
        ["home_code_link"] = "Answer with a code from an e-mail",
        ["footer"] = "BusFlow – the BUS collaboration’s meetings, tasks and decisions.",
    };
}

/// <summary>The page language: Swedish unless the reader chose English (?lang=en, or the form's lang field).</summary>
public static class PageLanguage
{
    public const string Swedish = "sv";
    public const string English = "en";

    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Only a form already read is consulted: reading one here would block (and fails where synchronous reads are off).
        var chosen = http.Request.Query["lang"].FirstOrDefault()
            ?? (http.Features.Get<IFormFeature>()?.Form is { } form && form.TryGetValue("lang", out var value) ? value.FirstOrDefault() : null);
        return string.Equals(chosen, English, StringComparison.OrdinalIgnoreCase) ? English : Swedish;
    }

    /// <summary>
    /// On the web app's pages: the language the request-localization middleware chose for the request
    /// (?lang, then the language the web app's switch remembered), as the page itself would speak.
    /// </summary>
    public static string OfWebApp(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<IRequestCultureFeature>() is { } chosen
            ? chosen.RequestCulture.UICulture.TwoLetterISOLanguageName == English ? English : Swedish
            : Of(http);
    }

    /// <summary>The culture for dates and outcome labels: sv-SE or en-GB.</summary>
    public static string Culture(string language) => language == English ? "en-GB" : "sv-SE";
}
