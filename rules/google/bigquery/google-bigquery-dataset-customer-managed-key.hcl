rule "google-bigquery-dataset-customer-managed-key" {
  title     = "BigQuery dataset has no default customer-managed key"
  severity  = "low"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["7.3"]
  }
  resources = [
    "google_bigquery_dataset",
  ]
  aliases   = ["CKV_GCP_81"]

  description = <<-EOT
    BigQuery encrypts data with Google-managed keys by default. A Cloud KMS key as the dataset's
     default gives the customer an audited, revocable control over every new table. Severity is low
     because the data is encrypted either way; the choice of key is the customer's.

     `default_encryption_configuration.kms_key_name` must be set.
  EOT
  remediation = "Add `default_encryption_configuration { kms_key_name = google_kms_crypto_key.bq.id }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#default_encryption_configuration",
    "https://cloud.google.com/bigquery/docs/customer-managed-encryption",
  ]

  assert {
    attribute "default_encryption_configuration.kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_dataset" "analytics" {  # expect: google-bigquery-dataset-customer-managed-key
        dataset_id = "analytics"
        location   = "EU"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigquery_dataset" "analytics" {
        dataset_id = "analytics"
        location   = "EU"

        default_encryption_configuration {
          kms_key_name = "projects/example/locations/eu/keyRings/bq/cryptoKeys/analytics"
        }
      }
    EOT
  }
}
