rule "google-storage-log-sink-bucket-locked" {
  title     = "Bucket receiving exported logs has no locked retention policy"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_storage_bucket"]
  aliases   = ["CKV2_GCP_4"]
  compliance = {
    "cis-gcp-2.0" = ["2.3"]
  }

  description = <<-EOT
    Logs exported by a sink are the record an investigation relies on. Without a retention policy,
    anyone with delete rights on the bucket (including an attacker who obtained them) can remove the
    log objects; an unlocked policy can still be shortened or removed. Bucket Lock makes the
    retention policy permanent, so every object stays for the full period. The bucket settings are
    the customer's.

    The rule applies to buckets that a `google_logging_project_sink`, `_folder_sink`,
    `_organization_sink` or `_billing_account_sink` of the configuration names in its
    `destination` (for example `"storage.googleapis.com/$${google_storage_bucket.logs.name}"`), and
    reports one whose `retention_policy` is missing or not locked (`is_locked = true`). A sink whose
    destination is written as a literal bucket name is not linked to the bucket. Locking is
    irreversible: choose the retention period first.
  EOT
  remediation = "Add `retention_policy { retention_period = <seconds> is_locked = true }` to the bucket that receives the logs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#retention_policy",
    "https://cloud.google.com/storage/docs/bucket-lock",
    "https://cloud.google.com/logging/docs/export/configure_export_v2",
  ]

  when {
    any {
      linked "google_logging_project_sink" {
        via = "destination"
      }
      linked "google_logging_folder_sink" {
        via = "destination"
      }
      linked "google_logging_organization_sink" {
        via = "destination"
      }
      linked "google_logging_billing_account_sink" {
        via = "destination"
      }
    }
  }
  assert {
    attribute "retention_policy.is_locked" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "audit_logs" {  # expect: google-storage-log-sink-bucket-locked
        name                        = "example-audit-logs"
        location                    = "EU"
        uniform_bucket_level_access = true
      }

      resource "google_logging_project_sink" "audit" {
        name        = "audit"
        destination = "storage.googleapis.com/$${google_storage_bucket.audit_logs.name}"
        filter      = "logName:\"cloudaudit.googleapis.com\""
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "org_logs" {
        name                        = "example-org-logs"
        location                    = "EU"
        uniform_bucket_level_access = true

        retention_policy {
          retention_period = 31536000
          is_locked        = false  # expect: google-storage-log-sink-bucket-locked
        }
      }

      resource "google_logging_organization_sink" "all" {
        name             = "all"
        org_id           = "123456789"
        include_children = true
        destination      = "storage.googleapis.com/$${google_storage_bucket.org_logs.name}"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "audit_logs" {
        name                        = "example-audit-logs"
        location                    = "EU"
        uniform_bucket_level_access = true

        retention_policy {
          retention_period = 31536000
          is_locked        = true
        }
      }

      resource "google_logging_project_sink" "audit" {
        name        = "audit"
        destination = "storage.googleapis.com/$${google_storage_bucket.audit_logs.name}"
      }

      resource "google_storage_bucket" "assets" {
        name     = "example-assets"
        location = "EU"
      }
    EOT
  }
}
