//! API tokens on both databases: listed per organisation, newest first, revoked ones too.

use cairn_core::ids::TokenId;
use cairn_core::model::{ApiToken, Role};
use time::Duration;

use crate::support::{on_each_backend, org, user, T0};

#[tokio::test]
async fn tokens_are_listed_per_organisation_newest_first() {
    on_each_backend("tokens", |_backend, store| async move {
        let alice = user("alice@example.org");
        store.create_user(&alice).await.unwrap();
        let delft = org("tu-delft", "TU Delft");
        let acme = org("acme", "Acme");
        store.create_org(&delft).await.unwrap();
        store.create_org(&acme).await.unwrap();
        let token = |org_id, name: &str, hours: i64| ApiToken {
            id: TokenId::new_random(),
            org_id,
            user_id: alice.id,
            name: name.into(),
            token_hash: format!("hash-{name}"),
            role: Role::Issuer,
            created_at: T0 + Duration::hours(hours),
            revoked: false,
        };
        let old = token(delft.id, "old", 0);
        let new = token(delft.id, "new", 2);
        let other = token(acme.id, "other", 1);
        for t in [&old, &new, &other] {
            store.insert_token(t).await.unwrap();
        }
        assert_eq!(store.list_tokens(delft.id).await.unwrap(), [new, old.clone()]);
        assert_eq!(store.list_tokens(acme.id).await.unwrap(), [other]);

        store.revoke_token(old.id).await.unwrap();
        let listed = store.list_tokens(delft.id).await.unwrap();
        assert_eq!(listed.len(), 2, "revoked tokens stay listed");
        assert!(!listed[0].revoked && listed[1].revoked);
        assert!(store.list_tokens(cairn_core::ids::OrgId::new_random()).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_membership_is_removed_once() {
    crate::support::on_each_backend("remove_membership", |_backend, store| async move {
        let org = crate::support::org("uni", "Uni");
        store.create_org(&org).await.unwrap();
        let u = crate::support::user("m@example.org");
        store.create_user(&u).await.unwrap();
        let m = cairn_core::model::Membership { user_id: u.id, org_id: org.id, role: cairn_core::model::Role::Issuer };
        store.set_membership(&m).await.unwrap();
        assert!(store.remove_membership(u.id, org.id).await.unwrap());
        assert!(!store.remove_membership(u.id, org.id).await.unwrap(), "already gone");
        assert_eq!(store.get_membership(u.id, org.id).await.unwrap(), None);
    })
    .await;
}
