rule "google-iam-no-org-level-default-service-account-assignment" {
  title     = "Organization IAM grants a role to a default service account"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "google_organization_iam_member",
    "google_organization_iam_binding",
  ]
  aliases   = ["AVD-GCP-0008", "google-iam-no-org-level-default-service-account-assignment"]

  description = <<-EOT
    The Compute Engine default service account (`PROJECT_NUMBER-compute@developer.gserviceaccount.com`)
    and the App Engine default service account (`PROJECT_ID@appspot.gserviceaccount.com`) are
    attached automatically to every VM, GKE node, function and App Engine app that names no other
    account. A role granted to them at organization level is therefore available to any workload anyone
    deploys in the whole organization, and to any attacker who compromises one. Severity is medium: the grant
    widens what a compromised workload can do. Which identities workloads run as is the customer's
    decision.

    The rule checks `member` of the organization IAM member resources, and each element of
    `members` of the organization IAM binding resources, for the two default account address
    patterns, and for a member read from the `google_compute_default_service_account` or
    `google_app_engine_default_service_account` data source (its `member`, or its `email` in
    `"serviceAccount:$${...}"`).
  EOT
  remediation = "Create a dedicated service account per workload with `google_service_account`, grant it only the roles it needs, and attach it to the workload instead of the default account."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_organization_iam",
    "https://cloud.google.com/compute/docs/access/service-accounts#default_service_account",
  ]

  assert {
    none "member" {
      value {
        matches = "(-compute@developer|@appspot)\\.gserviceaccount\\.com$"
      }
    }
    not {
      attribute "member" {
        refers_to = [
          "data.google_compute_default_service_account.email",
          "data.google_compute_default_service_account.member",
          "data.google_compute_default_service_account.id",
          "data.google_compute_default_service_account.name",
          "data.google_compute_default_service_account.unique_id",
          "data.google_app_engine_default_service_account.email",
          "data.google_app_engine_default_service_account.member",
          "data.google_app_engine_default_service_account.id",
          "data.google_app_engine_default_service_account.name",
          "data.google_app_engine_default_service_account.unique_id",
        ]
      }
    }
    none "members" {
      any {
        value {
          matches = "(-compute@developer|@appspot)\\.gserviceaccount\\.com$"
        }
        value {
          refers_to = [
            "data.google_compute_default_service_account.email",
            "data.google_compute_default_service_account.member",
            "data.google_compute_default_service_account.id",
            "data.google_compute_default_service_account.name",
            "data.google_compute_default_service_account.unique_id",
            "data.google_app_engine_default_service_account.email",
            "data.google_app_engine_default_service_account.member",
            "data.google_app_engine_default_service_account.id",
            "data.google_app_engine_default_service_account.name",
            "data.google_app_engine_default_service_account.unique_id",
          ]
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_member" "default_compute" {
        org_id  = "123456789012"
        role    = "roles/storage.objectAdmin"
        member  = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"  # expect: google-iam-no-org-level-default-service-account-assignment
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_member" "app_engine" {
        org_id  = "123456789012"
        role    = "roles/pubsub.editor"
        member  = "serviceAccount:example-project@appspot.gserviceaccount.com"  # expect: google-iam-no-org-level-default-service-account-assignment
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_organization_iam_binding" "storage" {
        org_id  = "123456789012"
        role    = "roles/storage.objectViewer"
        members = [
          "group:storage-readers@example.com",
          "serviceAccount:123456789012-compute@developer.gserviceaccount.com",  # expect: google-iam-no-org-level-default-service-account-assignment
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "google_compute_default_service_account" "default" {}

      resource "google_organization_iam_member" "default_compute" {
        org_id  = "123456789012"
        role    = "roles/storage.objectAdmin"
        member  = "serviceAccount:$${data.google_compute_default_service_account.default.email}"  # expect: google-iam-no-org-level-default-service-account-assignment
      }

      resource "google_organization_iam_member" "by_id" {
        org_id  = "123456789012"
        role    = "roles/logging.logWriter"
        member  = data.google_compute_default_service_account.default.id  # expect: google-iam-no-org-level-default-service-account-assignment
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "google_app_engine_default_service_account" "default" {}

      resource "google_organization_iam_binding" "storage" {
        org_id  = "123456789012"
        role    = "roles/storage.objectViewer"
        members = [
          "group:storage-readers@example.com",
          data.google_app_engine_default_service_account.default.member,  # expect: google-iam-no-org-level-default-service-account-assignment
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_service_account" "worker" {
        account_id   = "worker"
        display_name = "Queue worker"
      }

      resource "google_organization_iam_member" "worker" {
        org_id  = "123456789012"
        role    = "roles/pubsub.subscriber"
        member  = "serviceAccount:$${google_service_account.worker.email}"
      }

      resource "google_organization_iam_binding" "workers" {
        org_id  = "123456789012"
        role    = "roles/pubsub.subscriber"
        members = ["serviceAccount:$${google_service_account.worker.email}"]
      }
    EOT
  }
}
