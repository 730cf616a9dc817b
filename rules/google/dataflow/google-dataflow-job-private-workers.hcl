rule "google-dataflow-job-private-workers" {
  title     = "Dataflow job workers get public IP addresses"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_dataflow_job"]
  aliases   = ["CKV_GCP_94"]

  description = <<-EOT
    Dataflow gives every worker VM an external IP address unless the job asks for private workers.
    A worker with a public address is reachable from the internet wherever firewall rules allow it,
    and can send the pipeline's data anywhere without passing a NAT or egress control. Workers that
    only need Google APIs reach them through Private Google Access. The job's network settings are
    the customer's.

    `ip_configuration` defaults to `WORKER_IP_PUBLIC`, so it must be set to `WORKER_IP_PRIVATE`.
  EOT
  remediation = "Set `ip_configuration = \"WORKER_IP_PRIVATE\"` and run the job in a subnetwork with Private Google Access (and Cloud NAT if workers need the internet)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataflow_job#ip_configuration",
    "https://cloud.google.com/dataflow/docs/guides/routes-firewall",
  ]

  assert {
    attribute "ip_configuration" {
      equals  = "WORKER_IP_PRIVATE"
      default = "WORKER_IP_PUBLIC"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataflow_job" "etl" {  # expect: google-dataflow-job-private-workers
        name              = "etl"
        template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
        temp_gcs_location = "gs://example-temp/dataflow"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataflow_job" "etl" {
        name              = "etl"
        template_gcs_path = "gs://dataflow-templates/latest/Word_Count"
        temp_gcs_location = "gs://example-temp/dataflow"
        ip_configuration  = "WORKER_IP_PUBLIC"  # expect: google-dataflow-job-private-workers
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
        subnetwork        = "regions/europe-west1/subnetworks/dataflow"
      }
    EOT
  }
}
