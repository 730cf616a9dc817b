rule "aws-dax-cluster-encryption" {
  title     = "DAX cluster does not encrypt its cache at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_dax_cluster"]
  aliases   = ["CKV_AWS_47", "AVD-AWS-0023", "aws-dynamodb-enable-at-rest-encryption"]

  description = <<-EOT
    A DynamoDB Accelerator cluster holds copies of table items in its node memory and on disk, and
    unlike DynamoDB itself it is not encrypted at rest unless `server_side_encryption` has
    `enabled = true` (default `false`). The cached items are as sensitive as the table they come
    from. Encryption can only be chosen when the cluster is created. Whether data at rest is
    encrypted is the customer's setting under the shared responsibility model. Severity is high:
    potentially sensitive data stored unencrypted.
  EOT
  remediation = <<-EOT
    Create the cluster with server-side encryption:

    ```hcl
    resource "aws_dax_cluster" "cache" {
      # ...
      server_side_encryption {
        enabled = true
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#server_side_encryption",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html",
  ]

  assert {
    attribute "server_side_encryption.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dax_cluster" "cache" {  # expect: aws-dax-cluster-encryption
        cluster_name       = "cache"
        iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
        node_type          = "dax.r5.large"
        replication_factor = 3
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dax_cluster" "cache" {
        cluster_name       = "cache"
        iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
        node_type          = "dax.r5.large"
        replication_factor = 3

        server_side_encryption {
          enabled = false  # expect: aws-dax-cluster-encryption
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_dax_cluster" "cache" {
        cluster_name       = "cache"
        iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
        node_type          = "dax.r5.large"
        replication_factor = 3

        server_side_encryption {
          enabled = true
        }
      }
    EOT
  }
}
