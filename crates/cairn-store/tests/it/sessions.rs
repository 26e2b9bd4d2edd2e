//! Browser sessions on both databases: stored by hash, found until they expire, deleted on
//! sign-out, swept when expired.

use cairn_core::model::Session;
use cairn_core::Error;
use time::Duration;

use crate::support::{on_each_backend, user, T0};

#[tokio::test]
async fn sessions_are_found_until_they_expire_or_end() {
    on_each_backend("sessions", |_backend, store| async move {
        let alice = user("alice@example.org");
        store.create_user(&alice).await.unwrap();
        let s = |hash: &str, hours: i64| Session {
            id_hash: hash.into(),
            user_id: alice.id,
            csrf: format!("csrf-{hash}"),
            created_at: T0,
            expires_at: T0 + Duration::hours(hours),
        };
        store.insert_session(&s("a", 1)).await.unwrap();
        store.insert_session(&s("b", 48)).await.unwrap();
        assert!(matches!(store.insert_session(&s("a", 1)).await, Err(Error::Conflict(_))));

        assert_eq!(store.get_session("a", T0).await.unwrap(), s("a", 1));
        assert!(matches!(store.get_session("a", T0 + Duration::hours(1)).await, Err(Error::NotFound { .. })));
        assert!(matches!(store.get_session("nope", T0).await, Err(Error::NotFound { .. })));

        assert_eq!(store.delete_expired_sessions(T0 + Duration::hours(2)).await.unwrap(), 1);
        store.delete_session("b").await.unwrap();
        store.delete_session("b").await.unwrap();
        assert!(store.get_session("b", T0).await.is_err());
    })
    .await;
}
