//! The achievement designer and the organisation settings in the console: every field through
//! the form, errors kept next to their field, versions after awards, image uploads, the
//! issuer profile, key rotation, members and who may see what.

use serde_json::Value;

use crate::app::{Auth, TestApp, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::ui_support::{csrf_of, location, text, Browser};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

async fn admin(app: &TestApp) -> Browser<'_> {
    let mut b = Browser::new(app);
    assert_eq!(b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.status.as_u16(), 303);
    b
}

/// GETs `page`, then POSTs `fields` (and `files`) as multipart to `action`, as the page's form does.
async fn post_form<'a>(
    b: &mut Browser<'a>,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> crate::app::TestResponse {
    let html = text(&b.get(page).await);
    let csrf = csrf_of(&html);
    let mut parts: Vec<(&str, Option<&str>, &str, &[u8])> =
        fields.iter().map(|(k, v)| (*k, None, "text/plain", v.as_bytes())).collect();
    parts.push(("csrf", None, "text/plain", csrf.as_bytes()));
    for (name, file, ct) in files.iter().map(|(n, ct, bytes)| (*n, *bytes, *ct)) {
        parts.push((name, Some("upload"), ct, file));
    }
    b.post_multipart(action, &parts).await
}

/// Every field of the designer, filled.
fn every_field() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Applied Statistics"),
        ("description", "Plans studies and analyses data with regression models."),
        ("human_code", "STAT-201"),
        ("field_of_study", "Statistics"),
        ("specialization", "Regression"),
        ("credits_available", "5"),
        ("in_language", "en"),
        ("tags", "data, statistics"),
        ("criteria_narrative", "Passed the final project with a grade of C or better."),
        ("criteria_url", "https://uni.example.test/stat-201"),
        ("image_url", ""),
        ("image_caption", "A bar chart"),
        ("align_name_0", "Statistics"),
        ("align_url_0", "http://data.europa.eu/esco/skill/stat"),
        ("align_code_0", "S1.2"),
        ("align_framework_0", "ESCO"),
        ("align_type_0", "ceasn:Competency"),
        ("align_name_1", ""),
        ("align_url_1", ""),
        ("rd_name_0", "Final grade"),
        ("rd_type_0", "LetterGrade"),
        ("rd_id_0", ""),
        ("rd_json_0", ""),
        ("eu_workload_ects", "6"),
        ("eu_workload_hours", "150"),
        ("eu_eqf_level", "6"),
        ("eu_assessment_type", "Written exam"),
        ("eu_participation_form", "blended"),
        ("eu_quality_assurance", "NVAO accredited programme"),
        ("eu_prerequisites", "Introductory statistics"),
        ("eu_supervision", "Supervised, identity checked"),
        ("kind", "micro_credential"),
        ("achievement_type", ""),
        ("category", "Mathematics"),
        ("proficiency_level", "Intermediate"),
        ("validity_days", "730"),
        ("suspendable", "1"),
    ]
}

fn find<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array().unwrap().iter().find(|a| a["definition"]["name"] == name).expect("achievement in the API list")
}

#[tokio::test]
async fn an_achievement_with_every_field_made_through_the_form() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("uni").await;
    let mut b = admin(&app).await;
    let page = text(&b.get("/console/uni/achievements/new").await);
    assert!(page.contains("id=\"achievement-form\"") && page.contains("enctype=\"multipart/form-data\""), "{page}");
    assert!(page.contains("aria-live=\"polite\""), "the EU indicator announces changes");
    assert!(page.contains("/static/console-design.js?v="), "the designer's script is linked");
    assert!(page.contains("<label for=\"align_url_2\">"), "three empty alignment rows to fill");
    assert!(page.contains("7 mandatory elements are missing."), "{page}");

    let fields = every_field();
    let res = post_form(&mut b, "/console/uni/achievements/new", "/console/uni/achievements/new", &fields, &[]).await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    assert_eq!(location(&res), "/console/uni/achievements?saved=1");

    let list = text(&b.get(&location(&res)).await);
    assert!(list.contains("The achievement is saved."));
    assert!(list.contains("<th scope=\"row\">Applied Statistics</th>"), "{list}");
    assert!(list.contains("EU micro-credential") && list.contains(">Complete</span>"), "{list}");

    let api = app.get("/api/v1/orgs/uni/achievements", Auth::Bearer(&token)).await.expect(200);
    let a = find(&api, "Applied Statistics");
    let d = &a["definition"];
    assert_eq!(a["version"], 1);
    assert_eq!(a["eu_missing"], serde_json::json!([]));
    assert_eq!(d["kind"], "micro_credential");
    assert_eq!(d["tags"], serde_json::json!(["data", "statistics"]));
    assert_eq!(d["credits_available"], 5.0);
    assert_eq!(d["validity_days"], 730);
    assert_eq!(d["suspendable"], true);
    assert_eq!(d["category"], "Mathematics");
    assert_eq!(d["proficiency_level"], "Intermediate");
    assert_eq!(d["image_caption"], "A bar chart");
    assert_eq!(d["alignments"].as_array().unwrap().len(), 1, "empty rows are ignored");
    assert_eq!(d["eu"]["supervision"], "Supervised, identity checked");
    assert!(list.contains(&format!("href=\"/achievements/{}\"", a["id"].as_str().unwrap())));

    let id = a["id"].as_str().unwrap();
    let doc = app.get(&format!("/achievements/{id}"), Auth::None).await.expect(200);
    assert!(doc["@context"].to_string().contains("eu-microcredential"), "{doc}");
    assert_eq!(doc["achievementType"], "MicroCredential");
    assert_eq!(doc["humanCode"], "STAT-201");
    assert_eq!(doc["fieldOfStudy"], "Statistics");
    assert_eq!(doc["specialization"], "Regression");
    assert_eq!(doc["inLanguage"], "en");
    assert_eq!(doc["criteria"]["id"], "https://uni.example.test/stat-201");
    assert_eq!(doc["workloadEcts"], 6.0);
    assert_eq!(doc["workloadHours"], 150.0);
    assert_eq!(doc["eqfLevel"], 6);
    assert_eq!(doc["participationForm"], "blended");
    assert_eq!(doc["assessmentType"], "Written exam");
    assert_eq!(doc["qualityAssurance"], "NVAO accredited programme");
    assert_eq!(doc["prerequisites"], "Introductory statistics");
    let al = &doc["alignment"][0];
    assert_eq!((al["targetCode"].as_str(), al["targetFramework"].as_str()), (Some("S1.2"), Some("ESCO")));
    assert_eq!(al["targetType"], "ceasn:Competency");
    let rd = &doc["resultDescription"][0];
    assert_eq!((rd["name"].as_str(), rd["resultType"].as_str()), (Some("Final grade"), Some("LetterGrade")));
    assert!(rd["id"].as_str().unwrap().starts_with("urn:uuid:"));

    // Editing shows every value again, the result description keeping its id.
    let edit = text(&b.get(&format!("/console/uni/achievements/{id}/edit")).await);
    for v in [
        "value=\"STAT-201\"",
        "value=\"Written exam\"",
        "<option value=\"blended\" selected>",
        rd["id"].as_str().unwrap(),
    ] {
        assert!(edit.contains(v), "{v} missing from the edit page");
    }
    assert!(edit.contains("Every mandatory element is present."));
}

#[tokio::test]
async fn a_wrong_field_is_named_next_to_it_and_the_input_is_kept() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut b = admin(&app).await;
    let new = "/console/uni/achievements/new";
    let fields = [
        ("name", "Kept name"),
        ("description", "Kept description"),
        ("criteria_narrative", "Did it."),
        ("kind", "skill"),
        ("eu_workload_ects", "lots"),
    ];
    let res = post_form(&mut b, new, new, &fields, &[]).await;
    assert_eq!(res.status.as_u16(), 400);
    let page = text(&res);
    assert!(
        page.contains("id=\"eu_workload_ects-error\" role=\"alert\">Workload in ECTS credits: must be a number"),
        "{page}"
    );
    assert!(page.contains("aria-invalid=\"true\" aria-describedby=\"eu_workload_ects-error\""));
    assert!(
        page.contains("value=\"Kept name\"")
            && page.contains("value=\"lots\"")
            && page.contains(">Kept description</textarea>")
    );

    // A service rule, on the second alignment row (an empty row before it is dropped).
    let fields = [
        ("name", "Kept name"),
        ("description", "Kept description"),
        ("criteria_narrative", "Did it."),
        ("kind", "skill"),
        ("align_name_0", "Probability"),
        ("align_url_0", "https://esco.example.test/skill/2"),
        ("align_name_1", ""),
        ("align_name_2", "Statistics"),
        ("align_url_2", "not a url"),
    ];
    let page = text(&post_form(&mut b, new, new, &fields, &[]).await);
    assert!(
        page.contains("id=\"align_url_1-error\" role=\"alert\">Its URL in the framework: must be an absolute URL"),
        "{page}"
    );
    assert!(page.contains("value=\"not a url\""));

    // An EU micro-credential needs every element: the EU fieldset says which.
    let fields = [("name", "EU"), ("description", "d"), ("criteria_narrative", "c"), ("kind", "micro_credential")];
    let page = text(&post_form(&mut b, new, new, &fields, &[]).await);
    assert!(
        page.contains(
            "id=\"eu-error\" role=\"alert\">EU micro-credential elements: a MicroCredential needs every EU element"
        ),
        "{page}"
    );
    assert!(page.contains("<option value=\"micro_credential\" selected>"));
    let org = app.ctx.store.get_org_by_slug("uni").await.unwrap();
    assert!(app.ctx.store.list_achievements(org.id).await.unwrap().is_empty(), "nothing was stored");
}

#[tokio::test]
async fn editing_after_an_award_makes_version_two_and_the_credential_keeps_version_one() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("uni").await;
    let id = app.create_achievement("uni", &token).await;
    let issued = app.issue("uni", &token, &id, "ann@example.test").await;
    let mut b = admin(&app).await;
    let edit = format!("/console/uni/achievements/{id}/edit");
    let page = text(&b.get(&edit).await);
    assert!(page.contains("This is version 1. Saving creates version 2."), "{page}");
    assert!(page.contains("The credential already issued keeps the current version."));
    assert!(page.contains("value=\"Data Literacy\""));

    let fields = [
        ("name", "Data Literacy (2026)"),
        ("description", "Reads, questions and explains data."),
        ("criteria_narrative", "Passed the 2026 assessment."),
        ("kind", "skill"),
        ("align_name_0", "Data literacy"),
        ("align_url_0", "https://esco.example.test/skill/1"),
        ("eu_eqf_level", "5"),
    ];
    let res = post_form(&mut b, &edit, &edit, &fields, &[]).await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    let list = text(&b.get("/console/uni/achievements").await);
    assert!(list.contains("Data Literacy (2026)") && list.contains("<td>2</td>"), "{list}");

    let latest = app.get(&format!("/api/v1/orgs/uni/achievements/{id}"), Auth::Bearer(&token)).await.expect(200);
    assert_eq!(
        (latest["version"].as_i64(), latest["definition"]["name"].as_str()),
        (Some(2), Some("Data Literacy (2026)"))
    );
    let cid = issued["id"].as_str().unwrap();
    let stored = app.get(&format!("/credentials/{cid}"), Auth::None).await.expect(200);
    assert_eq!(stored, issued["credential"], "the issued credential is unchanged");
    assert_eq!(stored["credentialSubject"]["achievement"]["name"], "Data Literacy");
    assert_eq!(stored["credentialSubject"]["achievement"]["version"], "1");
}

#[tokio::test]
async fn an_uploaded_image_shows_in_the_preview_and_the_public_achievement() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("uni").await;
    let mut b = admin(&app).await;
    let new = "/console/uni/achievements/new";
    let mut fields =
        vec![("name", "Pictured"), ("description", "d"), ("criteria_narrative", "c"), ("kind", "completion")];
    let res = post_form(&mut b, new, new, &fields, &[("image", "image/gif", b"GIF89a\x01\0\x01\0")]).await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("Upload an image: must be a PNG, JPEG or SVG image"), "content decides");

    // A failed save keeps the uploaded image for the next try.
    fields.push(("eu_eqf_level", "9"));
    let res = post_form(&mut b, new, new, &fields, &[("image", "image/png", PNG)]).await;
    assert_eq!(res.status.as_u16(), 400);
    let page = text(&res);
    assert!(page.contains("EQF level: must be 1 to 8"), "{page}");
    assert!(page.contains("<img id=\"design-preview-img\" class=\"badge-img\" src=\"data:image/png;base64,"));
    let kept = page.split("name=\"image_data\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert!(kept.starts_with("data:image/png;base64,"));

    fields.pop();
    fields.push(("image_data", kept.as_str()));
    let res = post_form(&mut b, new, new, &fields, &[]).await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    let api = app.get("/api/v1/orgs/uni/achievements", Auth::Bearer(&token)).await.expect(200);
    let id = find(&api, "Pictured")["id"].as_str().unwrap().to_string();
    let doc = app.get(&format!("/achievements/{id}"), Auth::None).await.expect(200);
    assert_eq!(doc["image"]["id"], kept.as_str());
    let html = app.call("GET", &format!("/achievements/{id}"), Auth::None, None, &[("accept", "text/html")]).await;
    assert!(text(&html).contains(&format!("src=\"{kept}\"")), "the public page shows it");
    let edit = text(&b.get(&format!("/console/uni/achievements/{id}/edit")).await);
    assert!(edit.contains(&format!("src=\"{kept}\" alt=\"Pictured\"")), "the preview without JavaScript");

    // A forged "kept" image is checked like an upload.
    fields.pop();
    fields.push(("image_data", "data:image/png;base64,PHNjcmlwdD4="));
    let res = post_form(&mut b, new, new, &fields, &[]).await;
    assert_eq!(res.status.as_u16(), 400);
}

#[tokio::test]
async fn the_settings_change_the_issuer_profile_document() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut b = admin(&app).await;
    let page = text(&b.get("/console/uni/settings").await);
    for s in [
        "value=\"https://badges.example.test/issuers/uni\" readonly",
        "value=\"did:web:badges.example.test:issuers:uni\" readonly",
        "value=\"https://badges.example.test/issuers/uni/did.json\" readonly",
        "data-copy=\"did:web:badges.example.test:issuers:uni\"",
        "outside the strict Open Badges 3.0 schema",
    ] {
        assert!(page.contains(s), "{s} missing from {page}");
    }
    let url = "/console/uni/settings";
    let fields = [
        ("action", "profile"),
        ("org_name", "Utrecht University"),
        ("org_url", "https://www.uu.example.test"),
        ("org_email", "badges@uu.example.test"),
        ("org_description", "A university in Utrecht."),
        ("street", "Heidelberglaan 8"),
        ("postal_code", "3584 CS"),
        ("locality", "Utrecht"),
        ("region", "Utrecht"),
        ("country", "Netherlands"),
        ("country_code", "nl"),
        ("logo_url", ""),
        ("suspension_enabled", "1"),
    ];
    let res = post_form(&mut b, url, url, &fields, &[("logo", "image/svg+xml", SVG)]).await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    assert_eq!(location(&res), "/console/uni/settings?done=profile");
    assert!(text(&b.get(&location(&res)).await).contains("The profile is saved."));

    let p = app.get("/issuers/uni/profile", Auth::None).await.expect(200);
    assert_eq!(p["name"], "Utrecht University");
    assert_eq!(p["email"], "badges@uu.example.test");
    assert_eq!(p["address"]["addressCountryCode"], "NL");
    assert_eq!(p["address"]["postalCode"], "3584 CS");
    assert!(p["image"]["id"].as_str().unwrap().starts_with("data:image/svg+xml;base64,"));
    assert!(app.ctx.store.get_org_by_slug("uni").await.unwrap().suspension_enabled);

    let bad = [("action", "profile"), ("org_name", "Utrecht University"), ("country_code", "NLD")];
    let res = post_form(&mut b, url, url, &bad, &[]).await;
    assert_eq!(res.status.as_u16(), 400);
    let page = text(&res);
    assert!(
        page.contains("id=\"country_code-error\" role=\"alert\">Country code: must be an ISO 3166-1 alpha-2 code"),
        "{page}"
    );
    assert!(page.contains("value=\"NLD\""));
    assert_eq!(app.ctx.store.get_org_by_slug("uni").await.unwrap().address.country_code.as_deref(), Some("NL"));
}

#[tokio::test]
async fn rotating_the_key_lists_two_keys_with_the_new_one_active() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut b = admin(&app).await;
    let url = "/console/uni/settings";
    let res = post_form(&mut b, url, url, &[("action", "rotate")], &[]).await;
    assert_eq!(res.status.as_u16(), 400, "rotation needs the confirmation");
    let org = app.ctx.store.get_org_by_slug("uni").await.unwrap();
    assert_eq!(app.ctx.store.list_signing_keys(org.id).await.unwrap().len(), 1);

    let res = b.submit(url, url, &[("action", "rotate"), ("rotate_confirm", "1")]).await;
    assert_eq!(location(&res), "/console/uni/settings?done=rotated");
    let page = text(&b.get(&location(&res)).await);
    let keys = app.ctx.store.list_signing_keys(org.id).await.unwrap();
    assert_eq!(keys.len(), 2);
    let table = page.split("id=\"settings-keys\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert_eq!(table.matches("<tr><td>").count(), 2, "{table}");
    assert_eq!(table.matches(">Active</span>").count(), 1);
    assert_eq!(table.matches(">Retired</span>").count(), 1);
    let new_row = table.split(&keys[1].public_key_multibase).nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(keys[1].retired_at.is_none() && new_row.contains(">Active</span>"), "the new key is the active one");
    let did = app.get("/issuers/uni/did.json", Auth::None).await.expect(200);
    assert_eq!(did["verificationMethod"].as_array().unwrap().len(), 2, "the old key stays published");
}

#[tokio::test]
async fn members_are_added_by_email_and_roles_limit_the_pages() {
    let app = TestApp::with_admin().await;
    app.create_org("uni").await;
    let mut vera = Browser::new(&app);
    vera.sign_up("vera@example.test", "Vera Viewer", "a long enough password").await;
    let mut nina = Browser::new(&app);
    nina.sign_up("nina@example.test", "Nina Nobody", "a long enough password").await;
    let mut b = admin(&app).await;
    let url = "/console/uni/settings";
    let res = b
        .submit(url, url, &[("action", "member"), ("member_email", "nobody@example.test"), ("member_role", "viewer")])
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("Email address: no account has this email address"));
    let res = b
        .submit(url, url, &[("action", "member"), ("member_email", "Vera@Example.test"), ("member_role", "viewer")])
        .await;
    assert_eq!(location(&res), "/console/uni/settings?done=member");
    let page = text(&b.get(url).await);
    assert!(
        page.contains(
            "<th scope=\"row\">Vera Viewer</th><td>vera@example.test</td><td><span class=\"pill\">Viewer</span>"
        ),
        "{page}"
    );

    assert_eq!(vera.get(url).await.status.as_u16(), 403, "a viewer may not change settings");
    let list = vera.get("/console/uni/achievements").await;
    assert_eq!(list.status.as_u16(), 200);
    assert!(!text(&list).contains("id=\"achievement-new\""), "viewers do not design");
    assert_eq!(vera.get("/console/uni/achievements/new").await.status.as_u16(), 403);
    assert_eq!(nina.get(url).await.status.as_u16(), 404, "a non-member does not learn the organisation exists");
    assert_eq!(nina.get("/console/uni/achievements").await.status.as_u16(), 404);
    let res = vera.submit("/console/uni/achievements", url, &[("action", "rotate"), ("rotate_confirm", "1")]).await;
    assert_eq!(res.status.as_u16(), 403);
}

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let rest = &tag[tag.find(&needle)? + needle.len()..];
    Some(unescape(&rest[..rest.find('"')?]))
}

/// What the form `id` on a page submits as it stands (no files): inputs, ticked boxes,
/// textareas and each select's chosen option, the way a browser builds the request.
fn form_values(html: &str, id: &str) -> Vec<(String, String)> {
    let start = html.find(&format!("<form id=\"{id}\"")).expect("the form");
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    let mut out = Vec::new();
    for piece in form.split('<').skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let Some(name) = attr(tag, "name") else { continue };
        if tag.starts_with("input") {
            let kind = attr(tag, "type").unwrap_or_default();
            if kind == "file" || (kind == "checkbox" && !tag.contains(" checked")) {
                continue;
            }
            out.push((name, attr(tag, "value").unwrap_or_default()));
        } else if tag.starts_with("textarea") {
            out.push((name, unescape(&piece[tag.len() + 1..])));
        } else if tag.starts_with("select") {
            let body = &form[form.find(tag).unwrap()..];
            let body = &body[..body.find("</select>").unwrap()];
            let options: Vec<&str> = body.split("<option").skip(1).collect();
            let chosen = options.iter().find(|o| o[..o.find('>').unwrap()].contains(" selected")).or(options.first());
            out.push((name, chosen.and_then(|o| attr(o, "value")).unwrap_or_default()));
        }
    }
    out
}

#[tokio::test]
async fn saving_the_edit_page_as_it_stands_keeps_every_field() {
    let app = TestApp::with_admin().await;
    let token = app.org_with_token("uni").await;
    let mut def = crate::app::sample_achievement();
    def["achievement_type"] = "ext:Bootcamp".into();
    def["alignments"][0]["target_description"] = "Reads charts".into();
    def["result_descriptions"] = serde_json::json!([{"id": "urn:uuid:3f1c", "type": ["ResultDescription"],
        "name": "Band", "resultType": "ext:Band", "allowedValue": ["A", "B"]}]);
    let res = app.post("/api/v1/orgs/uni/achievements", Auth::Bearer(&token), def).await.expect(201);
    let id = res["id"].as_str().unwrap();
    let mut b = admin(&app).await;
    let edit = format!("/console/uni/achievements/{id}/edit");
    let html = text(&b.get(&edit).await);
    let mut fields = form_values(&html, "achievement-form");
    assert!(fields.len() > 40, "the whole form is read: {fields:?}");
    for (k, v) in &mut fields {
        if k == "name" {
            *v = "Data Literacy, renamed".into();
        }
    }
    let pairs: Vec<(&str, &str)> =
        fields.iter().filter(|(k, _)| k != "csrf").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = post_form(&mut b, &edit, &edit, &pairs, &[]).await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));

    let v1 = app.get(&format!("/api/v1/orgs/uni/achievements/{id}?version=1"), Auth::Bearer(&token)).await.expect(200);
    let v2 = app.get(&format!("/api/v1/orgs/uni/achievements/{id}"), Auth::Bearer(&token)).await.expect(200);
    assert_eq!(v2["version"], 2);
    let mut expected = v1["definition"].clone();
    expected["name"] = "Data Literacy, renamed".into();
    assert_eq!(v2["definition"], expected, "only the name changed");
    assert_eq!(v2["definition"]["result_descriptions"][0]["allowedValue"], serde_json::json!(["A", "B"]));
}
