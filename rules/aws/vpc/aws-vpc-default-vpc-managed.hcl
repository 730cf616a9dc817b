rule "aws-vpc-default-vpc-managed" {
  title     = "Configuration adopts the account's default VPC"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_default_vpc"]
  aliases   = ["AVD-AWS-0101", "aws-ec2-no-default-vpc"]

  description = <<-EOT
    The default VPC that AWS creates in every region has a public subnet in each Availability
    Zone, an internet gateway, and `map_public_ip_on_launch` switched on, so anything placed in it
    is on the internet by default. An `aws_default_vpc` resource means workloads are being built on
    that network instead of a VPC designed for them. Network design is the customer's layer under
    the shared responsibility model. Medium: the default VPC is not an exposure by itself, but it
    removes the private-by-default layer.
  EOT
  remediation = "Create a dedicated `aws_vpc` with private subnets for the workload, move resources there, and delete the default VPC in regions you use (or keep it unused)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_vpc",
    "https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html",
  ]

  assert {
    not {}
  }

  example "bad" {
    code = <<-EOT
      resource "aws_default_vpc" "default" {  # expect: aws-vpc-default-vpc-managed
        tags = {
          Name = "Default VPC"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }
    EOT
  }
}
