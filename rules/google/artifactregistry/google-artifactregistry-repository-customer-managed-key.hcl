rule "google-artifactregistry-repository-customer-managed-key" {
  title     = "Artifact Registry repository is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["google_artifact_registry_repository"]
  aliases   = ["CKV_GCP_84"]

  description = <<-EOT
    Artifact Registry encrypts images and packages with Google-managed keys by default. A Cloud
    KMS key gives the customer an audited, revocable control over the artifacts, which often embed
    source code and configuration. Severity is low because the data is encrypted either way; the
    choice of key is the customer's.

    `kms_key_name` must be set; it can only be chosen when the repository is created.
  EOT
  remediation = "Set `kms_key_name = google_kms_crypto_key.artifacts.id` when creating the repository, after granting the Artifact Registry service agent the encrypter/decrypter role on the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/artifact_registry_repository#kms_key_name",
    "https://cloud.google.com/artifact-registry/docs/cmek",
  ]

  assert {
    attribute "kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_artifact_registry_repository" "images" {  # expect: google-artifactregistry-repository-customer-managed-key
        location      = "europe-west1"
        repository_id = "images"
        format        = "DOCKER"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_artifact_registry_repository" "images" {
        location      = "europe-west1"
        repository_id = "images"
        format        = "DOCKER"
        kms_key_name  = "projects/example/locations/europe-west1/keyRings/ar/cryptoKeys/images"
      }
    EOT
  }
}
