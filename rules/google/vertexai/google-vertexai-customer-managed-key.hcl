rule "google-vertexai-customer-managed-key" {
  title     = "Vertex AI resource is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_vertex_ai_dataset",
    "google_vertex_ai_endpoint",
    "google_vertex_ai_featurestore",
    "google_vertex_ai_metadata_store",
    "google_vertex_ai_tensorboard",
  ]
  aliases = ["CKV_GCP_92", "CKV_GCP_96", "CKV2_GCP_24", "CKV2_GCP_25", "CKV2_GCP_26"]

  description = <<-EOT
    Vertex AI encrypts datasets, deployed models, feature values, ML metadata and training logs with
    Google-managed keys. A Cloud KMS key gives the customer an audited, revocable control over
    training data and models, which often hold personal or proprietary data; the key can only be
    chosen when the resource is created. Severity is low because the data is encrypted either
    way; the choice of key is the customer's.

    `encryption_spec.kms_key_name` must be set.
  EOT
  remediation = "Add `encryption_spec { kms_key_name = google_kms_crypto_key.vertex.id }` (a key in the resource's region) and grant the Vertex AI service agent use of the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_dataset#encryption_spec",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_featurestore#encryption_spec",
    "https://cloud.google.com/vertex-ai/docs/general/cmek",
  ]

  assert {
    attribute "encryption_spec.kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_vertex_ai_dataset" "images" {  # expect: google-vertexai-customer-managed-key
        display_name        = "images"
        region              = "europe-west4"
        metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/image_1.0.0.yaml"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_vertex_ai_featurestore" "features" {  # expect: google-vertexai-customer-managed-key
        name   = "features"
        region = "europe-west4"

        online_serving_config {
          fixed_node_count = 1
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_vertex_ai_dataset" "images" {
        display_name        = "images"
        region              = "europe-west4"
        metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/image_1.0.0.yaml"

        encryption_spec {
          kms_key_name = "projects/example/locations/europe-west4/keyRings/vertex/cryptoKeys/datasets"
        }
      }

      resource "google_vertex_ai_tensorboard" "training" {
        display_name = "training"
        region       = "europe-west4"

        encryption_spec {
          kms_key_name = "projects/example/locations/europe-west4/keyRings/vertex/cryptoKeys/tensorboard"
        }
      }
    EOT
  }
}
