rule "aws-transfer-server-public" {
  title     = "Transfer Family server has a public endpoint"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_transfer_server"]
  aliases   = ["CKV_AWS_164"]

  description = <<-EOT
    With `endpoint_type = "PUBLIC"`, the default, the server's endpoint is reachable from the
    whole internet and cannot be restricted with a security group, so password guessing and
    key-stuffing against its users come from anywhere. A `VPC` endpoint can be internet-facing
    with Elastic IP addresses and still be limited to known partner addresses by security group.
    Network exposure is the customer's choice under the shared responsibility model. Low: a
    server meant for external partners may need to be reachable, and authentication still
    protects it; servers deliberately public may have this finding suppressed with the reason.
  EOT
  remediation = <<-EOT
    Use a VPC endpoint and allow only the partners' addresses in its security group:

        resource "aws_transfer_server" "partners" {
          endpoint_type = "VPC"
          endpoint_details {
            vpc_id                 = aws_vpc.main.id
            subnet_ids             = [aws_subnet.public_a.id]
            address_allocation_ids = [aws_eip.sftp.id]
            security_group_ids     = [aws_security_group.sftp_partners.id]
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#endpoint_type",
    "https://docs.aws.amazon.com/transfer/latest/userguide/create-server-in-vpc.html",
  ]

  assert {
    attribute "endpoint_type" {
      not_equals = "PUBLIC"
      default    = "PUBLIC"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_transfer_server" "partners" {  # expect: aws-transfer-server-public
        protocols              = ["SFTP"]
        identity_provider_type = "SERVICE_MANAGED"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_transfer_server" "partners" {
        endpoint_type          = "PUBLIC"  # expect: aws-transfer-server-public
        identity_provider_type = "SERVICE_MANAGED"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_transfer_server" "partners" {
        endpoint_type          = "VPC"
        identity_provider_type = "SERVICE_MANAGED"
        endpoint_details {
          vpc_id                 = "vpc-0123456789abcdef0"
          subnet_ids             = ["subnet-0123456789abcdef0"]
          address_allocation_ids = ["eipalloc-0123456789abcdef0"]
          security_group_ids     = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }
}
