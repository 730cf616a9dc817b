rule "google-spanner-database-customer-managed-key" {
  title     = "Spanner database is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["google_spanner_database"]
  aliases   = ["CKV_GCP_93"]

  description = <<-EOT
    Spanner encrypts data at rest with Google-managed keys by default. A Cloud KMS key gives the
    customer an audited, revocable control over the database: disabling the key makes the data
    unreadable. Severity is low because the data is encrypted either way; the choice of key is the
    customer's.

    `encryption_config.kms_key_name` (one key) or `encryption_config.kms_key_names` (regional keys
    of a multi-region instance) must be set. The key can only be chosen when the database is
    created.
  EOT
  remediation = "Add `encryption_config { kms_key_name = google_kms_crypto_key.spanner.id }` when creating the database."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database#encryption_config",
    "https://cloud.google.com/spanner/docs/cmek",
  ]

  assert {
    any {
      attribute "encryption_config.kms_key_name" {
        present = true
      }
      attribute "encryption_config.kms_key_names" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_spanner_database" "orders" {  # expect: google-spanner-database-customer-managed-key
        instance = "main"
        name     = "orders"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_spanner_database" "orders" {
        instance = "main"
        name     = "orders"

        encryption_config {
          kms_key_name = "projects/example/locations/europe-west1/keyRings/spanner/cryptoKeys/orders"
        }
      }
    EOT
  }
}
