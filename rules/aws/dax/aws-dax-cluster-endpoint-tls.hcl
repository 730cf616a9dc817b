rule "aws-dax-cluster-endpoint-tls" {
  title     = "DAX cluster endpoint does not use TLS"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_dax_cluster"]

  description = <<-EOT
    DynamoDB Accelerator caches table items in front of DynamoDB. With
    `cluster_endpoint_encryption_type = "NONE"`, the default, the items read and written through
    the cluster cross the VPC in clear text, readable by anything that can observe the traffic
    between the application and the cluster. `TLS` encrypts the connection; it can only be chosen
    when the cluster is created. Encrypting data in transit is the customer's side of the shared
    responsibility model. Medium: cached table data unencrypted inside the VPC.
  EOT
  remediation = <<-EOT
    Create the cluster with a TLS endpoint (this replaces an existing cluster):

        resource "aws_dax_cluster" "cache" {
          # ...
          cluster_endpoint_encryption_type = "TLS"
          server_side_encryption {
            enabled = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#cluster_endpoint_encryption_type",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html",
  ]

  assert {
    attribute "cluster_endpoint_encryption_type" {
      equals  = "TLS"
      default = "NONE"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dax_cluster" "cache" {  # expect: aws-dax-cluster-endpoint-tls
        cluster_name       = "cache"
        iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
        node_type          = "dax.r5.large"
        replication_factor = 3
        server_side_encryption {
          enabled = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_dax_cluster" "cache" {
        cluster_name                     = "cache"
        iam_role_arn                     = "arn:aws:iam::123456789012:role/dax"
        node_type                        = "dax.r5.large"
        replication_factor               = 3
        cluster_endpoint_encryption_type = "TLS"
        server_side_encryption {
          enabled = true
        }
      }
    EOT
  }
}
