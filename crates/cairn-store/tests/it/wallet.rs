//! The earner's wallet on both databases: items (a Cairn credential at most once per user),
//! share ids, the public flag, collections and their items.

use cairn_core::ids::{CollectionId, WalletItemId};
use cairn_core::model::{
    CheckSummary, Collection, StatusPurpose, StatusRef, VerificationSummary, WalletItem, WalletSource,
};
use cairn_core::Error;
use time::Duration;

use crate::support::{achievement, credential, on_each_backend, org, status_list, user, T0};

fn item(user: &cairn_core::model::User, n: i64, source: WalletSource) -> WalletItem {
    WalletItem {
        id: WalletItemId::new_random(),
        user_id: user.id,
        credential_id: None,
        json: format!(r#"{{"id":"urn:uuid:{n}"}}"#),
        source,
        verification: VerificationSummary {
            kind: "ob3".into(),
            verified: true,
            checks: vec![CheckSummary {
                check: "proof".into(),
                outcome: "passed".into(),
                message: "ok".into(),
                code: None,
            }],
            display: Default::default(),
        },
        public: false,
        share_id: format!("share-{}", WalletItemId::new_random()),
        added_at: T0 + Duration::minutes(n),
    }
}

#[tokio::test]
async fn wallet_items_and_collections() {
    on_each_backend("wallet", |_backend, s| async move {
        let (erin, finn) = (user("erin@example.org"), user("finn@example.org"));
        s.create_user(&erin).await.unwrap();
        s.create_user(&finn).await.unwrap();
        let acme = org("acme", "Acme");
        s.create_org(&acme).await.unwrap();
        let a = achievement(acme.id, "Rust");
        s.insert_achievement(&a).await.unwrap();
        let list = status_list(acme.id, StatusPurpose::Revocation);
        s.insert_status_list(&list).await.unwrap();
        let cred = credential(&a, StatusRef { list_id: list.id, index: 3 }, "erin@example.org");
        s.insert_credentials(std::slice::from_ref(&cred), &[]).await.unwrap();

        // A claimed credential, once per user; imported ones have no Cairn credential.
        let mut claimed = item(&erin, 1, WalletSource::Claimed);
        claimed.credential_id = Some(cred.id);
        s.insert_wallet_item(&claimed).await.unwrap();
        let mut again = item(&erin, 2, WalletSource::Claimed);
        again.credential_id = Some(cred.id);
        assert!(matches!(s.insert_wallet_item(&again).await, Err(Error::Conflict(_))), "one item per credential");
        let mut finns = item(&finn, 2, WalletSource::Claimed);
        finns.credential_id = Some(cred.id);
        s.insert_wallet_item(&finns).await.unwrap();
        let imported = item(&erin, 3, WalletSource::Ob2);
        s.insert_wallet_item(&imported).await.unwrap();
        let mut same_share = item(&erin, 4, WalletSource::ImportedUrl);
        same_share.share_id = imported.share_id.clone();
        assert!(matches!(s.insert_wallet_item(&same_share).await, Err(Error::Conflict(_))), "share ids are unique");

        assert_eq!(s.get_wallet_item(claimed.id).await.unwrap(), claimed);
        assert_eq!(s.find_wallet_item_by_credential(erin.id, cred.id).await.unwrap(), Some(claimed.clone()));
        assert_eq!(
            s.find_wallet_item_by_credential(erin.id, cairn_core::ids::CredentialId(a.id.0)).await.unwrap(),
            None
        );
        assert_eq!(s.get_wallet_item_by_share_id(&imported.share_id).await.unwrap(), imported);
        assert!(matches!(s.get_wallet_item_by_share_id("nope").await, Err(Error::NotFound { .. })));
        let ids = |items: Vec<WalletItem>| items.into_iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(ids(s.list_wallet_items(erin.id, None).await.unwrap()), [imported.id, claimed.id], "newest first");
        assert_eq!(ids(s.list_wallet_items(finn.id, None).await.unwrap()), [finns.id]);

        s.set_wallet_item_public(claimed.id, true).await.unwrap();
        assert!(s.get_wallet_item(claimed.id).await.unwrap().public);
        assert!(s.set_wallet_item_public(WalletItemId::new_random(), true).await.is_err());

        // Collections.
        let c = |name: &str| Collection {
            id: CollectionId::new_random(),
            user_id: erin.id,
            name: name.into(),
            created_at: T0,
        };
        let (work, fun) = (c("Work"), c("Fun"));
        s.create_collection(&work).await.unwrap();
        s.create_collection(&fun).await.unwrap();
        assert_eq!(s.list_collections(erin.id).await.unwrap(), [fun.clone(), work.clone()], "by name");
        assert!(s.list_collections(finn.id).await.unwrap().is_empty());
        s.add_to_collection(work.id, claimed.id).await.unwrap();
        s.add_to_collection(work.id, claimed.id).await.unwrap();
        s.add_to_collection(fun.id, claimed.id).await.unwrap();
        s.add_to_collection(fun.id, imported.id).await.unwrap();
        assert_eq!(ids(s.list_wallet_items(erin.id, Some(work.id)).await.unwrap()), [claimed.id]);
        assert_eq!(ids(s.list_wallet_items(erin.id, Some(fun.id)).await.unwrap()), [imported.id, claimed.id]);
        let mut of = s.collections_of_item(claimed.id).await.unwrap();
        of.sort();
        let mut expected = vec![work.id, fun.id];
        expected.sort();
        assert_eq!(of, expected);
        s.remove_from_collection(fun.id, claimed.id).await.unwrap();
        assert_eq!(ids(s.list_wallet_items(erin.id, Some(fun.id)).await.unwrap()), [imported.id]);

        s.rename_collection(work.id, "Jobs").await.unwrap();
        assert_eq!(s.get_collection(work.id).await.unwrap().name, "Jobs");
        assert!(matches!(s.rename_collection(CollectionId::new_random(), "x").await, Err(Error::NotFound { .. })));
        s.delete_collection(work.id).await.unwrap();
        assert!(matches!(s.get_collection(work.id).await, Err(Error::NotFound { .. })));
        assert_eq!(s.collections_of_item(claimed.id).await.unwrap(), Vec::<CollectionId>::new());

        s.delete_wallet_item(imported.id).await.unwrap();
        assert!(s.get_wallet_item(imported.id).await.is_err());
        assert!(s.list_wallet_items(erin.id, Some(fun.id)).await.unwrap().is_empty());
        assert_eq!(ids(s.list_wallet_items(erin.id, None).await.unwrap()), [claimed.id]);
    })
    .await;
}
