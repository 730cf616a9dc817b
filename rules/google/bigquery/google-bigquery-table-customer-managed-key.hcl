rule "google-bigquery-table-customer-managed-key" {
  title     = "BigQuery table has no customer-managed key"
  severity  = "low"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["7.2"]
  }
  resources = ["google_bigquery_table"]
  aliases   = ["CKV_GCP_80"]

  description = <<-EOT
    BigQuery encrypts tables with Google-managed keys by default. A Cloud KMS key on the table gives
    the customer an audited, revocable control over its data. Severity is low because the data is
    encrypted either way; the choice of key is the customer's.

    `encryption_configuration.kms_key_name` must be set on the table. A table created in a dataset
    whose `default_encryption_configuration` names a key is encrypted with that key even without
    its own block, but that default is on another resource, which this rule does not follow; such
    tables are reported, and `google-bigquery-dataset-customer-managed-key` covers the dataset.
  EOT
  remediation = "Add `encryption_configuration { kms_key_name = google_kms_crypto_key.bq.id }` to the table (or set the dataset's default key and the same block on tables)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#encryption_configuration",
    "https://cloud.google.com/bigquery/docs/customer-managed-encryption",
  ]

  assert {
    attribute "encryption_configuration.kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_table" "events" {  # expect: google-bigquery-table-customer-managed-key
        dataset_id = "analytics"
        table_id   = "events"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigquery_table" "events" {
        dataset_id = "analytics"
        table_id   = "events"

        encryption_configuration {
          kms_key_name = "projects/example/locations/eu/keyRings/bq/cryptoKeys/events"
        }
      }
    EOT
  }
}
