rule "aws-neptune-storage-encryption" {
  title     = "Neptune cluster storage is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_neptune_cluster"]
  aliases   = ["CKV_AWS_44", "AVD-AWS-0076", "aws-neptune-enable-storage-encryption"]

  description = <<-EOT
    Without storage encryption the Neptune cluster volume, its automated backups, snapshots and
    replicas hold graph data (relationships between customers, accounts, devices) unencrypted; a
    snapshot that is shared or copied by mistake exposes all of it. Encryption can only be chosen
    when the cluster is created. Neptune is managed by AWS, but turning on encryption is the customer's setting under the shared responsibility model.
    `storage_encrypted` defaults to `false`.
  EOT
  remediation = "Set `storage_encrypted = true` (optionally with `kms_key_id` for a customer-managed key) when creating the cluster; migrate an existing cluster through an encrypted snapshot restore."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster",
    "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
  ]

  assert {
    attribute "storage_encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "main" {  # expect: aws-neptune-storage-encryption
        cluster_identifier = "graph"
        engine             = "neptune"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_neptune_cluster" "main" {
        cluster_identifier = "graph"
        engine             = "neptune"
        storage_encrypted  = true
      }
    EOT
  }
}
