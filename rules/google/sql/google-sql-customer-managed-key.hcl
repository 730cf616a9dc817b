rule "google-sql-customer-managed-key" {
  title     = "Cloud SQL instance is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_sql_database_instance",
  ]
  aliases   = []

  description = <<-EOT
    Cloud SQL always encrypts data with Google-managed keys. A Cloud KMS key adds control the
     customer owns: use of the key is audited and revoking it makes the instance's data and backups
     unreadable. Severity is low because the data is encrypted either way; the choice of key is the
     customer's.

     `encryption_key_name` must be set; it can only be chosen when the instance is created.
  EOT
  remediation = "Create the instance with `encryption_key_name = google_kms_crypto_key.sql.id` after granting the Cloud SQL service agent use of the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#encryption_key_name",
    "https://cloud.google.com/sql/docs/postgres/cmek",
  ]

  assert {
    attribute "encryption_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {  # expect: google-sql-customer-managed-key
        name             = "main"
        database_version = "POSTGRES_15"
        region           = "europe-west1"

        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_sql_database_instance" "main" {
        name                = "main"
        database_version    = "POSTGRES_15"
        region              = "europe-west1"
        encryption_key_name = "projects/example/locations/europe-west1/keyRings/sql/cryptoKeys/main"

        settings {
          tier = "db-custom-2-7680"
        }
      }
    EOT
  }
}
