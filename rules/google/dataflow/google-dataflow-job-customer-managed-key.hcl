rule "google-dataflow-job-customer-managed-key" {
  title     = "Dataflow job is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["google_dataflow_job"]
  aliases   = ["CKV_GCP_90"]

  description = <<-EOT
    A Dataflow job keeps pipeline state (shuffle data, streaming state, worker disks) while it
    runs, encrypted with Google-managed keys by default. A Cloud KMS key gives the customer an
    audited, revocable control over the data in flight through the pipeline. Severity is low
    because the data is encrypted either way; the choice of key is the customer's.

    `kms_key_name` must be set.
  EOT
  remediation = "Set `kms_key_name = google_kms_crypto_key.dataflow.id` and grant the Dataflow and Compute Engine service agents use of the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataflow_job#kms_key_name",
    "https://cloud.google.com/dataflow/docs/guides/customer-managed-encryption-keys",
  ]

  assert {
    attribute "kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataflow_job" "etl" {  # expect: google-dataflow-job-customer-managed-key
        name              = "etl"
        template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
        temp_gcs_location = "gs://example-temp/dataflow"
        ip_configuration  = "WORKER_IP_PRIVATE"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dataflow_job" "etl" {
        name              = "etl"
        template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
        temp_gcs_location = "gs://example-temp/dataflow"
        ip_configuration  = "WORKER_IP_PRIVATE"
        kms_key_name      = "projects/example/locations/europe-west1/keyRings/dataflow/cryptoKeys/etl"
      }
    EOT
  }
}
