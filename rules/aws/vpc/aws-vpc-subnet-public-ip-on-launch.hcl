rule "aws-vpc-subnet-public-ip-on-launch" {
  title     = "Subnet gives every instance launched in it a public IP address"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_subnet"]
  aliases   = ["CKV_AWS_130", "AVD-AWS-0164", "aws-ec2-no-public-ip-subnet"]

  description = <<-EOT
    With `map_public_ip_on_launch = true` every network interface created in the subnet gets a
    public IPv4 address, so any instance launched there (by an Auto Scaling group, a developer, a
    compromised role) is reachable from the internet whenever a security group lets traffic in.
    Public addresses should be a deliberate choice per workload, behind a load balancer or NAT,
    not a subnet-wide default. Subnet design is the customer's network layer under the shared
    responsibility model. The attribute defaults to `false` (high: it exposes hosts directly).
  EOT
  remediation = "Set `map_public_ip_on_launch = false` (or remove it) and reach instances through a load balancer, NAT gateway or Session Manager; give a public address only to the instances that need one."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html",
  ]

  assert {
    attribute "map_public_ip_on_launch" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_subnet" "web" {
        vpc_id                  = "vpc-0123456789abcdef0"
        cidr_block              = "10.0.1.0/24"
        map_public_ip_on_launch = true  # expect: aws-vpc-subnet-public-ip-on-launch
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_subnet" "app" {
        vpc_id     = "vpc-0123456789abcdef0"
        cidr_block = "10.0.2.0/24"
      }
    EOT
  }
}
